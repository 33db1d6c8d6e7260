package uk.cdr.review2018;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The Designated Doctor's decision form (decide-joint-agency-response), read and checked. */
final class JointAgencyResponseAnswers {

    private JointAgencyResponseAnswers() {
    }

    static Reviews2018.Decision read(VariableScope scope) {
        Answers a = new Answers(scope);
        Reviews2018.Decision d = new Reviews2018.Decision(a.yesOrNo("externalCauses"), a.yesOrNo("suddenNoApparentCause"),
                a.yesOrNo("inCustodyOrDetained"), a.yesOrNo("suspicionNotNatural"), a.yesOrNo("stillbirthUnattended"),
                "yes".equals(scope.getVariable("suggestedJointAgencyResponse")), a.yesOrNo("jointAgencyResponse"),
                a.oneOf("deathClassification", List.of("expected", "unexpected")), a.yesOrNo("abuseOrNeglectSuspected"),
                a.yesOrNo("lookedAfter"));
        a.refuseIfAnyBroken();
        if (d.anyCriterionMet() && !d.jointAgencyResponse()) {
            a.refuse("jointAgencyResponse", "must be yes: the death meets at least one of the five criteria");
        } else if (!d.anyCriterionMet() && d.jointAgencyResponse()) {
            a.refuse("jointAgencyResponse", "must be no unless the death meets one of the five criteria: say which");
        }
        a.refuseIfAnyBroken();
        return d;
    }
}
