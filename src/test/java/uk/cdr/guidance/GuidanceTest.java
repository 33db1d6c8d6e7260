package uk.cdr.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The deployment's choice of edition, and the edition of an imported death. */
class GuidanceTest {

    @Test
    void aDeploymentChoosesOneOfTheTwoEditionsOrDoesNotStart() {
        assertThat(new Guidance("2013").current()).isEqualTo(Edition.WORKING_TOGETHER_2013);
        assertThat(new Guidance(" 2018 ").current()).isEqualTo(Edition.STATUTORY_GUIDANCE_2018);
        assertThatThrownBy(() -> new Guidance("2015")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cdr.guidance").hasMessageContaining("'2015'")
                .hasMessageContaining("2013 (Working Together 2013) or 2018 (Child Death Review Statutory and Operational "
                        + "Guidance 2018)");
    }

    @Test
    void aDeathImportedWithoutItsEditionFollowsTheGuidanceInForceThatDay() {
        assertThat(Edition.inForceOn(LocalDate.of(2019, 9, 28))).isEqualTo(Edition.WORKING_TOGETHER_2013);
        assertThat(Edition.inForceOn(LocalDate.of(2019, 9, 29))).isEqualTo(Edition.STATUTORY_GUIDANCE_2018);
    }

    @Test
    void eachEditionNamesThingsItsOwnWayAndKnowsItsModels() {
        assertThat(Edition.WORKING_TOGETHER_2013.says(Term.CASE_DISCUSSION)).isEqualTo("final case discussion");
        assertThat(Edition.STATUTORY_GUIDANCE_2018.says(Term.CASE_DISCUSSION)).isEqualTo("Child Death Review Meeting");
        assertThat(Edition.ofModel("jointAgencyResponse")).contains(Edition.STATUTORY_GUIDANCE_2018);
        assertThat(Edition.ofModel("rapidResponse")).contains(Edition.WORKING_TOGETHER_2013);
        assertThat(Edition.ofModel("cdopPanelMeeting")).as("shared by both").isEmpty();
        assertThat(Edition.processKeys()).containsExactly("childDeathReview", "childDeathReview2018");
    }
}
