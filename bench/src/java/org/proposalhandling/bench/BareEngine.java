package org.proposalhandling.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.bench.Session.Planned;

/**
 * The baseline: a bare Camunda engine (no app code, tables, mail, HTTP or authorizations) on a database of its
 * own, its job executor on, running bench/resources/baseline/baseline-cycle.bpmn (the app process's shape) for
 * the same items, with the same form values as process variables, in the same phases and client threads.
 */
final class BareEngine implements Cycle, AutoCloseable {

  final Timings completion = new Timings();
  private final ProcessEngine engine;
  private final HikariDataSource dataSource;
  private final Map<String, String> instances = new ConcurrentHashMap<>();

  BareEngine(BenchDatabase database, String history) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(database.url("baseline"));
    pool.setUsername(database.user());
    pool.setPassword(database.password());
    pool.setMaximumPoolSize(10);
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    // The driver's statement cache as the app has it (application.yaml): the baseline is the same engine on the
    // same driver, without the app.
    pool.addDataSourceProperty("cachePrepStmts", "true");
    pool.addDataSourceProperty("prepStmtCacheSize", "250");
    pool.addDataSourceProperty("prepStmtCacheSqlLimit", "32768");
    dataSource = new HikariDataSource(pool);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(history);
    configuration.setProcessEngineName("bench-baseline");
    configuration.setJobExecutorActivate(true);
    configuration.setMetricsEnabled(false);
    // The app's id generator (the Spring Boot starter's). The standalone default, DbIdGenerator, fetches each
    // block of ids in a second transaction on a second connection while the first is held: with the job
    // executor's threads and the clients all at once that drained the pool for good (no connection in 30 s).
    configuration.setIdGenerator(new StrongUuidGenerator());
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addClasspathResource("baseline/baseline-cycle.bpmn").deploy();
  }

  ProcessEngine engine() {
    return engine;
  }

  boolean quiet() {
    return engine.getManagementService().createJobQuery().executable().count() == 0;
  }

  void register(Planned item) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", item.title());
    variables.put("content", item.content());
    variables.put("round", 1);
    instances.put(item.number(), engine.getRuntimeService()
        .startProcessInstanceByKey("baseline-cycle", item.number(), variables).getId());
  }

  void acceptAndAssign(Planned item) {
    complete(item, "Task_AcceptanceReview", null, Map.of("decision", "accept"));
    complete(item, "Task_Assignment", null, Map.of("leadUnit", item.leadUnit(), "coUnits", new ArrayList<>(item.coUnits())));
  }

  @Override
  public void opinions(Planned item) {
    item.coUnits().forEach(unit -> complete(item, "Task_CoHandlingOpinion", unit + "-handler",
        Map.of("opinion", item.opinion(unit))));
  }

  @Override
  public void contact(Planned item) {
    complete(item, "Task_ContactRecord", null, Map.of("contactedOn", LocalDate.now().toString(), "contactMeans", "PHONE",
        "contactSummary", item.contactSummary()));
  }

  @Override
  public void draft(Planned item, int round) {
    complete(item, "Task_DraftReply", null, Map.of("replyText", item.reply(round), "category", "B", "disclosure", "PUBLIC",
        "handlerName", "李静", "handlerPhone", "0431-88900001"));
  }

  @Override
  public void review(Planned item) {
    complete(item, "Task_ReviewReply", null, Map.of("decision", "approve", "comment", ""));
  }

  @Override
  public void signOff(Planned item) {
    complete(item, "Task_SignOff", null, Map.of("decision", "approve"));
  }

  @Override
  public void feedback(Planned item, int round) {
    boolean dissatisfied = item.dissatisfied() && round == 1;
    complete(item, "Task_Feedback", null, Map.of("satisfaction", dissatisfied ? "DISSATISFIED" : "SATISFIED",
        "contactRating", "GOOD", "attitudeRating", "GOOD", "comments", dissatisfied ? item.feedbackComments() : "对答复满意。"));
  }

  long closed() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().completed().count();
  }

  private void complete(Planned item, String taskKey, String group, Map<String, Object> variables) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    List<Task> tasks;
    while ((tasks = query(item, taskKey, group)).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("No " + taskKey + " of " + item.number() + " in the baseline");
      }
      Phases.sleep(100);
    }
    String taskId = tasks.get(0).getId();
    completion.time(() -> {
      engine.getTaskService().complete(taskId, variables);
      return null;
    });
  }

  private List<Task> query(Planned item, String taskKey, String group) {
    var query = engine.getTaskService().createTaskQuery().processInstanceId(instances.get(item.number()))
        .taskDefinitionKey(taskKey);
    return group == null ? query.list() : query.taskCandidateGroup(group).list();
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
