package uk.cdr.config;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case a business key stands for. A case's own processes are keyed by its reference
 * (2014-15/007); a Form B request's process by the request's id; a possible duplicate's by the new
 * notification's id, which names the open case it may duplicate. Delegates reach it through the
 * static {@link CaseVariables}, which the models' many lambdas call: the one instance registers
 * itself when the app starts.
 */
@Component
public class CaseOfProcess {

    private static final Pattern CASE_REFERENCE = Pattern.compile("\\d{4}-\\d{2}/\\d+");
    private static volatile CaseOfProcess instance;

    private final JdbcClient jdbc;

    CaseOfProcess(JdbcClient jdbc) {
        this.jdbc = jdbc;
        instance = this;
    }

    static CaseOfProcess instance() {
        if (instance == null) {
            throw new IllegalStateException("CaseOfProcess is not ready: the app has not started");
        }
        return instance;
    }

    public UUID caseId(String businessKey) {
        if (CASE_REFERENCE.matcher(businessKey).matches()) {
            return jdbc.sql("select id from case_file where case_reference = ?").param(businessKey).query(UUID.class)
                    .optional().orElseThrow(() -> unknown(businessKey));
        }
        UUID id;
        try {
            id = UUID.fromString(businessKey);
        } catch (IllegalArgumentException e) {
            throw unknown(businessKey);
        }
        Optional<UUID> requested = jdbc.sql("select case_id from agency_report_request where id = ?").param(id)
                .query(UUID.class).optional();
        return requested.or(() -> jdbc.sql("select possible_duplicate_of from notification where id = ?").param(id)
                .query(UUID.class).optional()).orElseThrow(() -> unknown(businessKey));
    }

    public String caseReference(String businessKey) {
        if (CASE_REFERENCE.matcher(businessKey).matches()) {
            return businessKey;
        }
        return jdbc.sql("select case_reference from case_file where id = ?").param(caseId(businessKey))
                .query(String.class).single();
    }

    private static IllegalStateException unknown(String businessKey) {
        return new IllegalStateException("No case belongs to the process with business key " + businessKey);
    }
}
