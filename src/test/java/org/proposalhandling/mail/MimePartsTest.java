package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The app's MIME messages skip the per-message class-path scans (the benchmark's sign-off profile). */
@ModelLayer
class MimePartsTest {

  private String before;

  @BeforeEach
  void rememberProperty() {
    before = System.getProperty(MimeParts.STREAM_PROVIDER_PROPERTY);
    System.clearProperty(MimeParts.STREAM_PROVIDER_PROPERTY);
  }

  @AfterEach
  void restoreProperty() {
    if (before == null) {
      System.clearProperty(MimeParts.STREAM_PROVIDER_PROPERTY);
    } else {
      System.setProperty(MimeParts.STREAM_PROVIDER_PROPERTY, before);
    }
  }

  @Test
  void jakartaMailIsToldItsStreamProviderInsteadOfScanningForIt() {
    MimeParts.useAngusStreamProvider();

    assertThat(System.getProperty(MimeParts.STREAM_PROVIDER_PROPERTY)).isEqualTo(MimeParts.ANGUS_STREAM_PROVIDER);
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MimeParts.ANGUS_STREAM_PROVIDER);
  }

  @Test
  void aStreamProviderTheDeploymentNamesIsKept() {
    System.setProperty(MimeParts.STREAM_PROVIDER_PROPERTY, "com.example.OwnStreamProvider");

    MimeParts.useAngusStreamProvider();

    assertThat(System.getProperty(MimeParts.STREAM_PROVIDER_PROPERTY)).isEqualTo("com.example.OwnStreamProvider");
  }

  @Test
  void everyMessageSharesOneFileTypeMap() throws Exception {
    Session session = Session.getInstance(new Properties());
    MimeMessageHelper first = MimeParts.multipart(new MimeMessage(session));
    MimeMessageHelper second = MimeParts.multipart(new MimeMessage(session));

    assertThat(first.isMultipart()).isTrue();
    assertThat(first.getEncoding()).isEqualTo("UTF-8");
    assertThat(first.getFileTypeMap()).isSameAs(second.getFileTypeMap());
    assertThat(new MimeMessageHelper(new MimeMessage(session), true).getFileTypeMap())
        .as("Spring's own helper makes a new one").isNotSameAs(first.getFileTypeMap());
  }
}
