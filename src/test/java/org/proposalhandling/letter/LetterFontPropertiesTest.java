package org.proposalhandling.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** application.yaml's proposals.letter.fonts bind, and a face set in part keeps the rest of its default. */
@ModelLayer
class LetterFontPropertiesTest {

  @Test
  void applicationYamlNamesTheDefaultFonts() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    LetterFontProperties bound = new Binder(ConfigurationPropertySources.get(environment))
        .bind("proposals.letter.fonts", LetterFontProperties.class).get();
    assertThat(bound).isEqualTo(LetterFontProperties.defaults());
  }

  @Test
  void aFaceGivenOnlyAFileIsASingleFontOfThatFile() {
    LetterFontProperties properties = new LetterFontProperties(null,
        new LetterFontProperties.FontFile("/opt/fonts/fangsong.ttf", null, null), null, null, null, null);
    assertThat(properties.body()).isEqualTo(new LetterFontProperties.FontFile("/opt/fonts/fangsong.ttf", "", false));
    assertThat(properties.title().thickened()).isTrue();
  }
}
