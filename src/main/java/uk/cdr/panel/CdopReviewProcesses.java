package uk.cdr.panel;

import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reviews opened before a review recorded its process instance: their running cdopReview
 * processes still carry the review's id as a variable, which names the process once, here. Runs at
 * every start and changes nothing once every open review knows its process.
 */
@Component
class CdopReviewProcesses implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;

    CdopReviewProcesses(JdbcClient jdbc, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Only the running review processes: imported and long-closed reviews never had one.
        for (VariableInstance reviewId : runtimeService.createVariableInstanceQuery().variableName("reviewId").list()) {
            jdbc.sql("update cdop_review set process_instance_id = ? where id = ? and process_instance_id is null")
                    .params(reviewId.getProcessInstanceId(), UUID.fromString((String) reviewId.getValue())).update();
        }
    }
}
