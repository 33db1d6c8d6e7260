package uk.cdr.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.junit5.common.ProcessEngineCoverageExtensionHelper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Model tests: a test class names its model files and gets them, with the forms they reference,
 * deployed afresh for each test on an engine of its own, where every bean an expression names
 * (delegates, listeners, timer and due-date beans) is whatever the test registers with
 * camunda-platform-7-mockito; the coverage of each named model is printed as a MODEL COVERAGE
 * line and must reach {@value #COVERAGE_AT_LEAST}, or the class fails.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final ModelEngine engine = ModelEngine.deploying("cdop-panel-meeting.bpmn");
 * </pre>
 *
 * Coverage is counted per test class, so keep a model's tests in one class (&#64;Nested classes
 * inside it count towards it). Start processes in tests or &#64;BeforeEach, never &#64;BeforeAll:
 * the coverage collector only takes what happens inside a test. A called process that is mocked
 * ({@code CamundaMockito.registerCallActivityMock(key).deploy(engine)}) goes to
 * {@link #manageDeployment} so it is removed after the test like the models.
 */
public final class ModelEngine extends ProcessEngineExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final double COVERAGE_AT_LEAST = 0.9;

    public static final ZoneId UK = ZoneId.of("Europe/London");

    /** Where a bare file name is looked up: bpmn/ and forms/ are on the test classpath as they are in the jar. */
    private static final String MODELS = "bpmn/";
    private static final String FORMS = "forms/";

    private final List<String> named;
    private final DefaultCollector coverage = new DefaultCollector(new ExecutionContextModelProvider());
    private final ProcessEngineCoverageExtensionHelper coverageReport = new ProcessEngineCoverageExtensionHelper(
            coverage, false, true, List.of(), List.of(), Map.of(), null);

    private Map<String, byte[]> resources;
    private Map<String, String> processes;
    private String ownerContextId;

    private ModelEngine(List<String> named) {
        this.named = named;
        useProcessEngine(Shared.ENGINE);
    }

    /**
     * The models under test: file names in bpmn/ ("cdop-review.bpmn", "suggest-death-classification.dmn"),
     * or classpath paths. Forms referenced with camunda:formRef come along from forms/.
     */
    public static ModelEngine deploying(String... models) {
        if (models.length == 0) {
            throw new IllegalArgumentException("name at least one model file");
        }
        return new ModelEngine(List.of(models));
    }

    /**
     * Built once per JVM. Not registered in ProcessEngines: Spring tests in the same JVM find their
     * engine there when they have not bound BpmnAwareTests themselves, and must still find only theirs.
     */
    private static final class Shared {
        static final ProcessEngine ENGINE = build();

        private static ProcessEngine build() {
            ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setProcessEngineName("models");
            configuration.setJdbcUrl("jdbc:h2:mem:models;DB_CLOSE_DELAY=-1");
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            configuration.setJobExecutorActivate(false);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setExpressionManager(new MockExpressionManager());
            // Nothing here uses CMMN or reads metrics: fewer tables to create, no reporter thread left running.
            configuration.setCmmnEnabled(false);
            configuration.setMetricsEnabled(false);
            configuration.setDbMetricsReporterActivate(false);
            ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
            ProcessEngine engine = configuration.buildProcessEngine();
            ProcessEngines.unregister(engine);
            return engine;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (ownerContextId == null) {
            ownerContextId = context.getUniqueId();
            resolveResources();
        }
        coverageReport.beforeAll(context);
        BpmnAwareTests.init(getProcessEngine());
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        super.postProcessTestInstance(testInstance, context);
        initializeServices();
        new ProcessEngineAdapter(getProcessEngine(), coverage).initializeListeners();
    }

    /** Before the test's own @BeforeEach, so a process it starts there is deployed and counted. */
    @Override
    public void beforeEach(ExtensionContext context) {
        BpmnAwareTests.init(getProcessEngine());
        coverageReport.beforeTestExecution(context);
        DeploymentBuilder deployment = getRepositoryService().createDeployment()
                .name(context.getRequiredTestClass().getSimpleName());
        resources.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
        // Deleted with its process instances and their history after the test method, so no test
        // finds another's jobs, tasks or incidents.
        manageDeployment(deployment.deploy());
    }

    /** The engine is shared by every model test class: nothing a test set up may reach the next. */
    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (!coverageReport.isTestMethodExcluded(context)) {
                coverageReport.afterTestExecution(context);
            }
        } finally {
            Mocks.reset();
            ClockUtil.reset();
            getProcessEngine().getIdentityService().clearAuthentication();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (context.getUniqueId().equals(ownerContextId)) {
                coverageReport.afterAll(context);
                assertEachModelCovered(context.getRequiredTestClass().getSimpleName());
            }
        } finally {
            if (context.getUniqueId().equals(ownerContextId)) {
                // Spring tests that never call BpmnAwareTests.init look their engine up in
                // ProcessEngines, where this one is not: they must not find it bound to the thread.
                BpmnAwareTests.reset();
                ownerContextId = null;
            }
            super.afterAll(context);
        }
    }

    /** Moves the engine clock (and so every timer and retry) to this time in the UK. */
    public void clockAt(LocalDateTime ukLocalTime) {
        ClockUtil.setCurrentTime(at(ukLocalTime));
    }

    public static Date at(LocalDateTime ukLocalTime) {
        return Date.from(ukLocalTime.atZone(UK).toInstant());
    }

    /** Runs every job due now on the engine clock, and those they make due, as the job executor would. */
    public void runDueJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = getManagementService().createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming after 50 rounds");
    }

    /**
     * Runs the process's one job each time its retry cycle schedules it, moving the clock there,
     * until its retries are used up; returns how many times it ran. Its failures are expected.
     */
    public int failUntilIncident(ProcessInstance processInstance) {
        for (int attempts = 0; attempts < 100; attempts++) {
            Job job = getManagementService().createJobQuery().processInstanceId(processInstance.getId()).singleResult();
            if (job == null) {
                throw new AssertionError("no job left: the process moved on instead of failing");
            }
            if (job.getRetries() == 0) {
                return attempts;
            }
            if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(job.getDuedate());
            }
            try {
                getManagementService().executeJob(job.getId());
            } catch (RuntimeException expected) {
                continue;
            }
            throw new AssertionError("job " + job.getId() + " succeeded: the process moved on instead of failing");
        }
        throw new AssertionError("still retrying after 100 attempts");
    }

    private void resolveResources() {
        resources = new LinkedHashMap<>();
        processes = new LinkedHashMap<>();
        Set<String> forms = new LinkedHashSet<>();
        for (String model : named) {
            String path = model.contains("/") ? model : MODELS + model;
            byte[] content = read(path);
            resources.put(path, content);
            if (path.endsWith(".bpmn")) {
                BpmnModelInstance instance = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
                instance.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
                        .forEach(process -> processes.put(process.getId(), path));
                instance.getModelElementsByType(UserTask.class).forEach(task -> forms.add(task.getCamundaFormRef()));
                instance.getModelElementsByType(StartEvent.class).forEach(start -> forms.add(start.getCamundaFormRef()));
            }
        }
        forms.remove(null);
        // A form is found by its id, which is its file name (ModelRulesTest holds every form to that).
        forms.forEach(form -> resources.put(FORMS + form + ".form", read(FORMS + form + ".form")));
    }

    private static byte[] read(String path) {
        try (InputStream in = ModelEngine.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException(path + " is not on the test classpath (bpmn/ and forms/ are resources)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One line per model, whatever happens to the assertion, so the build output always carries the
     * figures; the report's HTML and JSON are under target/process-test-coverage/.
     */
    private void assertEachModelCovered(String testClass) {
        Suite suite = coverage.getActiveSuite();
        Map<String, Model> seen = new LinkedHashMap<>();
        coverage.getModels().forEach(model -> seen.put(model.getKey(), model));
        List<String> belowTarget = new ArrayList<>();
        processes.forEach((key, file) -> {
            Model model = seen.get(key);
            double ratio = model == null ? 0 : suite.calculateCoverage(model);
            String line = model == null
                    ? String.format(Locale.ROOT, "MODEL COVERAGE %s (%s): 0.0%%, never started in %s", key, file, testClass)
                    : String.format(Locale.ROOT, "MODEL COVERAGE %s (%s): %.1f%% of %d flow nodes and sequence flows in %s",
                            key, file, ratio * 100, model.getTotalElementCount(), testClass);
            System.out.println(line);
            if (ratio < COVERAGE_AT_LEAST) {
                belowTarget.add(line);
            }
        });
        if (!belowTarget.isEmpty()) {
            throw new AssertionError("below " + (int) (COVERAGE_AT_LEAST * 100)
                    + "% coverage (the report under target/process-test-coverage/ shows what was not reached): "
                    + belowTarget);
        }
    }
}
