package uk.cdr.caseprocess;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.config.OneEngineCommand;

/**
 * Open cases opened before a case had its own process (a database from an earlier version): at
 * start-up each gets its process, where its records say, and the stages that were started on their
 * own are ended. A case whose process was cancelled on purpose is left stopped, for the SPOC to
 * restart. Runs at every start and finds nothing once every open case has had its process.
 */
@Component
class CasesWithoutTheirProcess implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CasesWithoutTheirProcess.class);

    private final JdbcClient jdbc;
    private final CaseProcess caseProcess;
    private final OneEngineCommand oneEngineCommand;

    CasesWithoutTheirProcess(JdbcClient jdbc, CaseProcess caseProcess, OneEngineCommand oneEngineCommand) {
        this.jdbc = jdbc;
        this.caseProcess = caseProcess;
        this.oneEngineCommand = oneEngineCommand;
    }

    @Override
    public void run(ApplicationArguments args) {
        // One query: a case that ever had its process names it in process_instance_id.
        record Found(UUID id, String reference) {
        }
        List<Found> cases = jdbc.sql("""
                select c.id, c.case_reference from case_file c
                where c.status <> 'CLOSED' and not exists (
                    select 1 from act_hi_procinst h where h.id_ = c.process_instance_id and h.proc_def_key_ in (?, ?))""")
                .params((Object[]) uk.cdr.guidance.Edition.processKeys())
                .query((rs, row) -> new Found(rs.getObject(1, UUID.class), rs.getString(2))).list();
        for (Found c : cases) {
            try {
                oneEngineCommand.run(() -> caseProcess.startAgain(c.id(), c.reference()));
                LOG.info("Case {} had no process of its own: started where its records say", c.reference());
            } catch (RuntimeException e) {
                // The app still starts: the case shows as stopped, for the SPOC to restart.
                LOG.error("Case {} has no process of its own and could not be given one", c.reference(), e);
            }
        }
    }
}
