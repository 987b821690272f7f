package org.proposalhandling.mail;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Builds the app's MIME messages without the class-path scans Jakarta Mail and Spring repeat per message.
 * Measured in the benchmark's sign-off phase (docs/benchmarks.md, session 10): a fifth of the CPU went to them.
 */
final class MimeParts {

  /**
   * Jakarta Mail 2.1 looks up its {@link StreamProvider} through ServiceLoader for every body part it builds,
   * writes or parses, reading every jar's service files each time; a class named in this system property is
   * taken first, by a lookup of the loaded class. Angus Mail is the implementation Spring Boot brings.
   */
  static final String STREAM_PROVIDER_PROPERTY = StreamProvider.class.getName();
  static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

  /**
   * Spring makes a new file type map, reading mime.types from the class path, for each helper of a message
   * it did not create itself (ours keeps its Message-ID, {@link MailDispatch}); one is enough: it is read-only.
   */
  private static final FileTypeMap FILE_TYPES = sharedFileTypes();

  private MimeParts() {
  }

  /** Names Angus Mail's stream provider unless the deployment has named one (or Angus Mail is not there). */
  static void useAngusStreamProvider() {
    if (System.getProperty(STREAM_PROVIDER_PROPERTY) != null) {
      return;
    }
    try {
      Class.forName(ANGUS_STREAM_PROVIDER, false, MimeParts.class.getClassLoader());
      System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
    } catch (ClassNotFoundException absent) {
      // Another implementation: Jakarta Mail finds it through ServiceLoader, as before.
    }
  }

  /** A helper for a multipart message in UTF-8 that shares the one file type map. */
  static MimeMessageHelper multipart(MimeMessage message) throws MessagingException {
    return new MimeMessageHelper(message, true, "UTF-8") {
      @Override
      protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
        return FILE_TYPES;
      }
    };
  }

  private static FileTypeMap sharedFileTypes() {
    ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
    types.afterPropertiesSet();
    return types;
  }
}
