package uk.cdr.work;

import java.util.List;

/**
 * The answers a task's form takes, as a client sends them to POST /api/tasks/{id}/completion.
 *
 * @param taskKey the task's definition key (Task_ConfirmExpectedOrUnexpected), the same for every case
 */
public record TaskForm(String taskKey, String taskName, String processKey, String formKey, List<Field> fields) {

    /**
     * What the API document calls this form: the task key, and for a task of the 2018 guidance's models,
     * whose forms word things the 2018 way under the same keys, the key with _2018.
     */
    public String schemaName() {
        boolean of2018 = uk.cdr.guidance.Edition.ofModel(processKey)
                .filter(e -> e == uk.cdr.guidance.Edition.STATUTORY_GUIDANCE_2018).isPresent();
        return taskKey + (of2018 ? "_2018" : "");
    }

    /**
     * One answer.
     *
     * @param type text, multi-line text, choice, yes/no, date, time or number
     * @param format what the server accepts: yyyy-mm-dd for a date, hh:mm for a time, true/false for yes/no
     * @param options the allowed codes, each with the label a person sees; empty unless type is choice
     */
    public record Field(String key, String label, String type, boolean required, String format, Integer maxLength,
            List<Option> options) {
    }

    public record Option(String value, String label) {
    }
}
