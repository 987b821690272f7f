package org.proposalhandling.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Every class with tests is in exactly one layer, so that no test drops out of every {@code -P} run: one of
 * model, app and browser, or mysql (a class on MariaDB may extend an app test and so carry its tag too).
 */
@ModelLayer
class EveryTestClassHasALayerTest {

  static final Set<String> LAYERS = Set.of("model", "app", "browser");

  @Test
  void everyTestClassHasExactlyOneLayer() throws IOException, URISyntaxException {
    Path testClasses = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> testClassesWithTests;
    try (Stream<Path> files = Files.walk(testClasses)) {
      testClassesWithTests = files.map(testClasses::relativize).map(Path::toString)
          .filter(file -> file.endsWith(".class") && !file.contains("$"))
          .<Class<?>>map(file -> load(file.substring(0, file.length() - ".class".length()).replace(File.separatorChar, '.')))
          .filter(EveryTestClassHasALayerTest::hasTests)
          .toList();
    }
    assertThat(testClassesWithTests).as("the test classes found").hasSizeGreaterThan(50);
    assertThat(testClassesWithTests).as("test classes without exactly one layer (support/*Layer)")
        .filteredOn(type -> !hasOneLayer(type))
        .isEmpty();
  }

  private static boolean hasTests(Class<?> type) {
    return !ReflectionSupport.findMethods(type, method -> AnnotationSupport.isAnnotated(method, Testable.class),
        HierarchyTraversalMode.TOP_DOWN).isEmpty();
  }

  private static boolean hasOneLayer(Class<?> type) {
    List<String> tags = AnnotationSupport.findRepeatableAnnotations(type, Tag.class).stream().map(Tag::value).toList();
    return tags.contains("mysql") || tags.stream().filter(LAYERS::contains).count() == 1;
  }

  private static Class<?> load(String name) {
    return ReflectionSupport.tryToLoadClass(name).getOrThrow(IllegalStateException::new);
  }
}
