package uk.cdr.casefile;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case references, e.g. 2014-15/007: a sequence per reporting year. The counter row is locked by
 * the increment until the case is committed, so two SPOCs saving at once never get the same
 * number, and a number once given to a case is never given again.
 */
@Component
public class CaseReferences {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public CaseReferences(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record CaseReference(String reportingYear, int sequence) {
        public String text() {
            return reportingYear + "/" + String.format("%03d", sequence);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public CaseReference next(String reportingYear) {
        return next(reportingYear, 1).get(0);
    }

    /** The next {@code count} references of the year, in order, as that many calls of {@link #next(String)} give them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<CaseReference> next(String reportingYear, int count) {
        if (increment(reportingYear, count) == 0) {
            createCounter(reportingYear);
            increment(reportingYear, count);
        }
        int last = jdbc.sql("select last_sequence from case_reference_sequence where reporting_year = ?")
                .param(reportingYear).query(Integer.class).single();
        return IntStream.rangeClosed(last - count + 1, last).mapToObj(s -> new CaseReference(reportingYear, s)).toList();
    }

    /**
     * Counts a reference given elsewhere (a case imported with its old reference) as used: the
     * counter moves up to it, never down, so later cases of that year get higher numbers. The
     * counter row stays locked until the caller commits, like {@link #next}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(String reportingYear, int sequence) {
        if (raiseTo(reportingYear, sequence) == 0) {
            createCounter(reportingYear);
            raiseTo(reportingYear, sequence);
        }
    }

    private int raiseTo(String reportingYear, int sequence) {
        return jdbc.sql("update case_reference_sequence set last_sequence = greatest(last_sequence, ?) where reporting_year = ?")
                .params(sequence, reportingYear).update();
    }

    /** In a transaction of its own: on PostgreSQL a failed insert would spoil the caller's. */
    private void createCounter(String reportingYear) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc
                    .sql("insert into case_reference_sequence (reporting_year, last_sequence) values (?, 0)")
                    .param(reportingYear).update());
        } catch (DuplicateKeyException anotherSpocWasFirst) {
            // The counter exists now, which is all we need.
        }
    }

    private int increment(String reportingYear, int count) {
        return jdbc.sql("update case_reference_sequence set last_sequence = last_sequence + ? where reporting_year = ?")
                .params(count, reportingYear).update();
    }
}
