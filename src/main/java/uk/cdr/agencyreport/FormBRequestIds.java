package uk.cdr.agencyreport;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * child-death-review.bpmn's multi-instance call: the requests the SPOC sent with the "request Form
 * B reports" task, kept in the engine as one text (ids joined by commas) because a list would need
 * Java serialisation. None when the task was completed as "no agency involved".
 */
@Component("formBRequestIds")
public class FormBRequestIds {

    public static final String VARIABLE = "formBRequests";

    public List<String> of(Object joined) {
        if (joined == null || joined.toString().isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String join(List<java.util.UUID> ids) {
        return String.join(",", ids.stream().map(java.util.UUID::toString).toList());
    }
}
