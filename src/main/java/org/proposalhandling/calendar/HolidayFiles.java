package org.proposalhandling.calendar;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the holiday data files on the classpath, or in a directory of the file system. Uses only spring-core's
 * pattern resolver (no application context), because it lists a classpath directory the same way from
 * {@code target/classes}, a plain jar and a Spring Boot fat jar.
 */
final class HolidayFiles {

  static final String DEFAULT_LOCATION = "classpath:seeds/holidays/*.yaml";

  private HolidayFiles() {}

  /** @param locationPattern e.g. {@code classpath:seeds/holidays/*.yaml} */
  static List<HolidayYear> load(String locationPattern) {
    Resource[] resources;
    try {
      resources = new PathMatchingResourcePatternResolver(HolidayFiles.class.getClassLoader())
          .getResources(locationPattern);
    } catch (FileNotFoundException e) {
      resources = new Resource[0]; // with classpath: a missing directory is reported this way
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list the holiday data files " + locationPattern, e);
    }
    if (resources.length == 0) {
      throw new IllegalStateException("No holiday data file found at " + locationPattern);
    }
    String directory = locationPattern.substring(locationPattern.indexOf(':') + 1,
        locationPattern.lastIndexOf('/') + 1);
    List<Resource> sorted = new ArrayList<>(Arrays.asList(resources));
    sorted.sort(Comparator.comparing(Resource::getFilename));
    List<HolidayYear> years = new ArrayList<>();
    for (Resource resource : sorted) {
      String source = directory + resource.getFilename();
      years.add(HolidayFileParser.parse(source, read(source, resource)));
    }
    return years;
  }

  /**
   * Loads every {@code *.yaml} (or {@code *.yml}) of a directory, in the order of their names; none is no
   * error.
   *
   * @throws IllegalStateException if the directory does not exist, or a file is broken
   */
  static List<HolidayYear> loadDirectory(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalStateException("The holiday data directory " + directory.toAbsolutePath()
          + " (proposals.holidays.directory) does not exist or is not a directory");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list the holiday data directory " + directory.toAbsolutePath(), e);
    }
    List<HolidayYear> years = new ArrayList<>();
    for (Path file : files) {
      String source = file.toAbsolutePath().toString();
      years.add(HolidayFileParser.parse(source, read(source, new FileSystemResource(file))));
    }
    return years;
  }

  private static String read(String source, Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("Holiday data file " + source + " is not valid UTF-8", e);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the holiday data file " + source, e);
    }
  }
}
