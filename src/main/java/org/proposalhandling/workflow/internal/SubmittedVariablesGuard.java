package org.proposalhandling.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.workflow.FormFields;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task completion or a process start through the engine's REST API (its own, and the webapps' copy under
 * /camunda/api/engine) may carry only the fields of the task's or the start's form. Anything else — a
 * variable the process might route on, a name a scope already uses — is refused with 400 and a Chinese
 * message before the engine sees the request, so nothing of it is stored. {@link FormTaskListener} refuses
 * the same inside the engine for any other caller. A start must begin at the start event with its listeners:
 * start instructions and skipped listeners or mappings are refused the same way.
 */
@Configuration(proxyBeanMethods = false)
class SubmittedVariablesGuard {

  private static final String ENGINE = "(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
  private static final Pattern TASK = Pattern.compile(ENGINE + "/task/([^/]+)/(?:complete|submit-form|resolve)");
  private static final Pattern START = Pattern.compile(
      ENGINE + "/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> submittedVariablesFilter(TaskService tasks, FormService forms,
      RepositoryService repository, SystemActions system, FormFields formFields) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
        new Guard(tasks, forms, repository, system, formFields));
    registration.setName("submitted-variables-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }

  private static final class Guard extends OncePerRequestFilter {

    private final TaskService tasks;
    private final FormService forms;
    private final RepositoryService repository;
    private final SystemActions system;
    private final FormFields formFields;

    Guard(TaskService tasks, FormService forms, RepositoryService repository, SystemActions system, FormFields formFields) {
      this.tasks = tasks;
      this.forms = forms;
      this.repository = repository;
      this.system = system;
      this.formFields = formFields;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      Matcher task = TASK.matcher(path);
      Matcher start = START.matcher(path);
      boolean guarded = "POST".equals(request.getMethod()) && (task.matches() || start.matches());
      if (!guarded) {
        chain.doFilter(request, response);
        return;
      }
      byte[] body = request.getInputStream().readAllBytes();
      JsonNode json = jsonOf(body);
      if (start.matches() && startsPastItsForm(json)) {
        refuse(response, "只能从登记表单开始一个流程：不接受指定起始环节（startInstructions）或跳过监听器、输入输出映射的启动。");
        return;
      }
      // Looked up as the system: the user may not read a task he is about to be refused.
      Set<String> allowed = system.run(() -> task.matches() ? taskFields(task.group(1)) : startFields(start.group(1), start.group(2)));
      Set<String> stray = submittedNames(json);
      if (allowed != null) {
        stray.removeAll(allowed);
      }
      if (allowed != null && !stray.isEmpty()) {
        refuse(response, "提交的内容中有表单以外的字段：" + String.join("、", stray) + "。只能提交本表单中的字段。");
        return;
      }
      chain.doFilter(new CachedBody(request, body), response);
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json;charset=UTF-8");
      JSON.writeValue(response.getOutputStream(), Map.of("type", "FormValidationException", "message", message));
    }

    /**
     * A start at another activity than the start event, or without its listeners, skips the registration that
     * every process here begins with (an item's start listener, a consultation's): the instance had no subject
     * and failed later ("No item null").
     */
    private static boolean startsPastItsForm(JsonNode json) {
      return json != null && (!json.path("startInstructions").isEmpty() || json.path("skipCustomListeners").asBoolean(false)
          || json.path("skipIoMappings").asBoolean(false));
    }

    /**
     * The task's form fields; null when there is no such task, which the engine then answers itself. One query
     * with the task's form: the form data asked for apart was a second command on every completion.
     */
    private Set<String> taskFields(String taskId) {
      Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null) {
        return null;
      }
      CamundaFormRef form = task.getCamundaFormRef();
      return form == null ? Set.of() : formFields.of(task.getProcessDefinitionId(), form.getKey());
    }

    private Set<String> startFields(String key, String id) {
      ProcessDefinition definition = key != null
          ? repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
          : repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
      if (definition == null) {
        return null;
      }
      CamundaFormRef form = forms.getStartFormData(definition.getId()).getCamundaFormRef();
      return form == null ? Set.of() : formFields.of(definition.getId(), form.getKey());
    }

    /** A request's JSON body; null for a body that is not JSON, which the engine then refuses with its own answer. */
    private static JsonNode jsonOf(byte[] body) {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        return null;
      }
    }

    /** The names of the variables in a request's JSON body. */
    private static Set<String> submittedNames(JsonNode json) {
      Set<String> names = new TreeSet<>();
      if (json != null) {
        json.path("variables").fieldNames().forEachRemaining(names::add);
      }
      return names;
    }
  }

  /** The request again, with the body already read. */
  private static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
