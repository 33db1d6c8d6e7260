package uk.cdr.work;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Runs the due jobs of one case's process tree only: other tests' cases keep their timers for their own clocks. */
final class CaseJobs {

    private CaseJobs() {
    }

    static void runDue(ProcessEngine engine, String reference) {
        ProcessInstance root = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("childDeathReview").singleResult();
        if (root == null) {
            return;
        }
        for (int round = 0; round < 20; round++) {
            List<Job> due = engine.getManagementService().createJobQuery().rootProcessInstanceId(root.getId())
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException e) {
                    // A request may have moved the case meanwhile (the walkthrough runs beside): next round.
                }
            }
        }
    }
}
