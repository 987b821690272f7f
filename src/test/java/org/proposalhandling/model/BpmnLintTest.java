package org.proposalhandling.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/**
 * The BPMN models pass bpmnlint with the repository's {@code .bpmnlintrc} (the build installs it from package-lock.json), and the
 * lint really fails on a broken model. Needs {@code npm ci} first; without it the test fails and says so.
 */
@ModelLayer
class BpmnLintTest {

  static final Path TOP = Path.of("").toAbsolutePath();
  static final String BROKEN = "src/test/resources/bpmnlint/broken.bpmn";

  record Result(int exitCode, String output) {
  }

  @BeforeAll
  static void bpmnlintIsInstalled() {
    assertThat(TOP.resolve("package.json")).as("the tests run from the repository's top directory").exists();
    if (!Files.isRegularFile(TOP.resolve("node_modules/.bin/bpmnlint"))) {
      fail("bpmnlint is not installed: run `npm ci` in " + TOP + " first (Node.js 20 or newer; the build does this"
          + " before the tests).");
    }
  }

  @Test
  void theBrokenModelFails() throws Exception {
    Result result = bpmnlint(BROKEN);

    assertThat(result.exitCode()).as("exit code of bpmnlint on %s; output:%n%s", BROKEN, result.output()).isEqualTo(1);
    assertThat(result.output()).contains("end-event-required", "no-disconnected", "Task_Orphan");
  }

  @Test
  void everyProcessModelPasses() throws Exception {
    try (Stream<Path> models = Files.walk(TOP.resolve("processes"))) {
      assertThat(models.filter(path -> path.toString().endsWith(".bpmn"))).isNotEmpty();
    }

    // The same glob as .ci/run: bpmnlint expands it, so models added later are linted too.
    Result result = bpmnlint("processes/**/*.bpmn");

    assertThat(result.exitCode()).as("bpmnlint found errors in processes/:%n%s", result.output()).isZero();
    assertThat(result.output()).doesNotContain(" error ");
  }

  static Result bpmnlint(String... files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("npx", "--no", "bpmnlint"));
    command.addAll(List.of(files));
    Path log = Files.createTempFile("bpmnlint", ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(TOP.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("NO_COLOR", "1");
      builder.environment().put("FORCE_COLOR", "0");
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("bpmnlint did not finish within two minutes");
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
