package org.proposalhandling.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/** Reads the files of seeds/ (on the classpath under seeds/), failing loudly with the file's name. */
public final class Seeds {

  private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
      .addModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();

  private Seeds() {
  }

  public static <T> T yaml(String path, Class<T> type) {
    try (InputStream in = new ClassPathResource("seeds/" + path).getInputStream()) {
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read seeds/" + path + ": " + e.getMessage(), e);
    }
  }

  public static String text(String path) {
    try (InputStream in = new ClassPathResource("seeds/" + path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read seeds/" + path + ": " + e.getMessage(), e);
    }
  }
}
