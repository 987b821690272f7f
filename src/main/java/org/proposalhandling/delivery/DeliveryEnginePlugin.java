package org.proposalhandling.delivery;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.Incident;
import org.proposalhandling.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells {@link DeliveryOutcomes} how a reply's delivery fares, from the engine's own extension points, so that
 * the mail module stays unaware of items: a listener on the end of every mail-dispatch instance (the mail was
 * sent), and incident handlers of failed jobs and external tasks beside the engine's own (composite handlers: the engine still
 * creates and resolves the incident). The outcomes are looked up when used: they need the engine built here.
 */
@Component
class DeliveryEnginePlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryEnginePlugin.class);

  private final ObjectProvider<DeliveryOutcomes> outcomes;

  DeliveryEnginePlugin(ObjectProvider<DeliveryOutcomes> outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = new ArrayList<>(nullToEmpty(configuration.getCustomPostBPMNParseListeners()));
    parseListeners.add(new MailSentListener());
    configuration.setCustomPostBPMNParseListeners(parseListeners);
    List<IncidentHandler> handlers = new ArrayList<>(nullToEmpty(configuration.getCustomIncidentHandlers()));
    handlers.add(new DeliveryIncidents(Incident.FAILED_JOB_HANDLER_TYPE));  // the delivery step
    handlers.add(new DeliveryIncidents(Incident.EXTERNAL_TASK_HANDLER_TYPE));  // its mails
    configuration.setCustomIncidentHandlers(handlers);
    configuration.setCompositeIncidentHandlersEnabled(true);
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** The end of a mail-dispatch instance that was not cancelled: its mail has been sent. */
  private final class MailSentListener extends AbstractBpmnParseListener {
    @Override
    public void parseProcess(Element process, ProcessDefinitionEntity definition) {
      if (MailOutbox.PROCESS.equals(definition.getKey())) {
        definition.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
          if (!execution.isCanceled()) {
            outcomes.getObject().mailSent(execution.getProcessBusinessKey());
          }
        });
      }
    }
  }

  /**
   * Beside the engine's handler of failed jobs. A failure here is logged, never thrown: it would undo the
   * engine's record of the failed job and leave the job to be retried forever.
   */
  private final class DeliveryIncidents implements IncidentHandler {
    private final String type;

    DeliveryIncidents(String type) {
      this.type = type;
    }

    @Override
    public String getIncidentHandlerType() {
      return type;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      safely(() -> outcomes.getObject().failed(context, message));
      return null;
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      safely(() -> outcomes.getObject().resolved(context));
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      // A deleted incident went with its instance: nothing to deliver any more.
    }

    private void safely(Runnable action) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("Could not record the delivery's outcome of a failed job", e);
      }
    }
  }
}
