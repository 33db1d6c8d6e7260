package uk.cdr.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every model in bpmn/ and every form in forms/ follows our conventions. */
class ModelRulesTest {

    private static final Path BPMN = Path.of("bpmn");
    private static final Path FORMS = Path.of("forms");
    private static final Path FIXTURES = Path.of("src/test/resources/model-rules");

    @Test
    void everyModelAndFormInTheProjectFollowsTheRules() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> formIds = ModelRules.formIds(FORMS, violations).keySet();
        for (File model : models(BPMN, ".bpmn")) {
            violations.addAll(ModelRules.check(model, formIds));
        }
        for (File decision : models(BPMN, ".dmn")) {
            violations.addAll(ModelRules.checkDecisions(decision));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void aConformingModelPasses() {
        assertThat(ModelRules.check(FIXTURES.resolve("conforming.bpmn").toFile(), Set.of("fixture-form"))).isEmpty();
    }

    @Test
    void eachBrokenRuleIsReported() {
        List<String> violations = ModelRules.check(FIXTURES.resolve("breaks-every-rule.bpmn").toFile(),
                Set.of("fixture-form"));
        assertThat(violations).containsExactlyInAnyOrder(
                "breaks-every-rule.bpmn: process brokenProcess has no camunda:historyTimeToLive",
                "breaks-every-rule.bpmn: user task Task_NoForm has no camunda:formRef",
                "breaks-every-rule.bpmn: user task Task_NoGroups has no candidate groups",
                "breaks-every-rule.bpmn: user task Task_PathBinding must use camunda:formRefBinding=\"deployment\"",
                "breaks-every-rule.bpmn: user task Task_MissingForm references form 'no-such-form', which is not in forms/",
                "breaks-every-rule.bpmn: user task Task_UnknownGroup names unknown candidate group 'janitors'",
                "breaks-every-rule.bpmn: serviceTask Send_NotAsync is not camunda:asyncBefore",
                "breaks-every-rule.bpmn: serviceTask Send_NoRetry has no camunda:failedJobRetryTimeCycle",
                "breaks-every-rule.bpmn: sendTask Send_Plain is not camunda:asyncBefore",
                "breaks-every-rule.bpmn: sendTask Send_Plain has no camunda:failedJobRetryTimeCycle");
    }

    @Test
    void aFormWhoseIdIsNotItsFileNameIsReported() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> ids = ModelRules.formIds(FIXTURES.resolve("forms"), violations).keySet();
        assertThat(ids).contains("fixture-form", "wrong-id");
        assertThat(violations).singleElement().asString().contains("form id 'wrong-id' must equal the file name 'misnamed'");
    }

    @Test
    void aDecisionWithoutHistoryTimeToLiveIsReported() {
        assertThat(ModelRules.checkDecisions(FIXTURES.resolve("decision-without-ttl.dmn").toFile()))
                .containsExactly("decision-without-ttl.dmn: decision fixtureDecision has no camunda:historyTimeToLive");
    }

    private static List<File> models(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).map(Path::toFile).toList();
        }
    }
}
