package uk.cdr.caselist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uk.cdr.caseprocess.CaseStage;

/** Every stage the case's process keeps is one the case list can show and filter by (a missing one was a 500). */
class ListedStageTest {

    @Test
    void everyStageOfTheCaseProcessIsListed() {
        for (CaseStage stage : CaseStage.values()) {
            assertThat(ListedStage.of(stage).words()).as(stage.name()).isNotBlank();
        }
    }
}
