package uk.cdr.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What people write in forms (names, NHS numbers, addresses, dates of birth, circumstances,
 * attendees, notes) lives in the app's own tables, never in the engine's. Form answers pass through
 * the engine only for the length of the completion that carries them:
 * <ul>
 * <li>the engine's history never records them: its events for those variables, and the copies of
 * submitted forms it would keep as history detail, are dropped before they are written;</li>
 * <li>at the end of each user task its form's free-text answers are removed, within the same
 * command as they were set, so they never reach the runtime tables either. The task listeners have
 * stored them in the app's tables by then.</li>
 * </ul>
 * Kept in the engine: ids, codes, choices and dates that the models route or time by.
 */
@Component
public class EngineKeepsNoPersonalData extends AbstractProcessEnginePlugin {

    /** Forms whose every answer is about the child or the family: Form A and the agencies' Form B. */
    static final Set<String> WHOLLY_PERSONAL_FORMS = Set.of("form-a", "form-b-agency-report");

    private final Set<String> personal = new HashSet<>();
    private final Map<String, Set<String>> freeTextByForm = new HashMap<>();
    private final Map<String, FormFields> formsById = new HashMap<>();

    public EngineKeepsNoPersonalData() throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
            try (InputStream in = resource.getInputStream()) {
                FormFields form = FormFields.parse(in.readAllBytes());
                formsById.put(form.formId(), form);
                Set<String> freeText = new HashSet<>();
                form.fields().values().stream().filter(FormFields.Field::freeText).forEach(f -> freeText.add(f.key()));
                freeTextByForm.put(form.formId(), freeText);
                personal.addAll(WHOLLY_PERSONAL_FORMS.contains(form.formId()) ? form.fields().keySet() : freeText);
            }
        }
        if (personal.isEmpty()) {
            throw new IllegalStateException("No forms found on the classpath under forms/");
        }
    }

    /** A form of this release (forms/ on the classpath), by its id. */
    public FormFields form(String formId) {
        FormFields form = formsById.get(formId);
        if (form == null) {
            throw new IllegalArgumentException("No form " + formId);
        }
        return form;
    }

    /** The variable names the engine never keeps: every answer of Form A and Form B, free text of any form. */
    public Set<String> personalVariables() {
        return Set.copyOf(personal);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new WithoutPersonalData(new DbHistoryEventHandler(), personal));
        configuration.setCustomHistoryEventHandlers(handlers);
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                Expression formRef = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .getCamundaFormDefinitionKey();
                Set<String> freeText = formRef == null ? Set.of()
                        : freeTextByForm.getOrDefault(formRef.getExpressionText(), Set.of());
                if (!freeText.isEmpty()) {
                    ExecutionListener forget = execution -> freeText.forEach(execution::removeVariable);
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, forget);
                }
            }
        });
    }

    /** The engine's own database history handler, without the events that would carry form answers. */
    static class WithoutPersonalData implements HistoryEventHandler {

        private final HistoryEventHandler database;
        private final Set<String> personal;

        WithoutPersonalData(HistoryEventHandler database, Set<String> personal) {
            this.database = database;
            this.personal = personal;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (kept(event)) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }

        private boolean kept(HistoryEvent event) {
            if (event instanceof HistoricFormPropertyEventEntity) {
                return false; // a copy of every submitted answer; the variables carry what is kept
            }
            return !(event instanceof HistoricVariableUpdateEventEntity variable
                    && personal.contains(variable.getVariableName()));
        }
    }
}
