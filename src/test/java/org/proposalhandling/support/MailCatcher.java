package org.proposalhandling.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.proposalhandling.mail.MailOutbox;

/** The SMTP server the app sends to in tests (the demo profile's GreenMail), and the outbox that sends to it. */
public class MailCatcher {

  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  private final GreenMail smtp;
  private final MailOutbox outbox;

  public MailCatcher(GreenMail smtp, MailOutbox outbox) {
    this.smtp = smtp;
    this.outbox = outbox;
  }

  /** Sends the mail that is due (the tests run no mail threads); returns how many failed. */
  public int sendDueMail() {
    return outbox.sendDue();
  }

  public List<MimeMessage> to(String address, String subjectPart) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address))
            && message.getSubject().contains(subjectPart);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** A PDF a mail carries, by its decoded file name. */
  public record Pdf(String name, byte[] content) {

    /** Its text as PDFBox reads it, the lines joined (a line of the letter may wrap anywhere). */
    public String text() {
      try (PDDocument document = Loader.loadPDF(content)) {
        return new PDFTextStripper().getText(document).replaceAll("\\R", "");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The PDFs a mail carries, in their order. */
  public static List<Pdf> pdfs(Part message) {
    return files(message).stream().filter(file -> file.type().startsWith("application/pdf"))
        .map(file -> new Pdf(file.name(), file.content())).toList();
  }

  /** A file a mail carries: its decoded name, its content type, its bytes. */
  public record File(String name, String type, byte[] content) {
  }

  /** The files a mail carries (its parts with a file name), in their order. */
  public static List<File> files(Part message) {
    List<File> found = new ArrayList<>();
    collectFiles(message, found);
    return found;
  }

  private static void collectFiles(Part part, List<File> found) {
    try {
      if (part.getFileName() != null) {
        found.add(new File(MimeUtility.decodeText(part.getFileName()), part.getContentType(),
            part.getInputStream().readAllBytes()));
      } else if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          collectFiles(multipart.getBodyPart(i), found);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String text(MimeMessage message) {
    return part(message, "text/plain");
  }

  public static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  private static String part(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          String found = part(multipart.getBodyPart(i), type);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> links(String text) {
    Matcher matcher = LINK.matcher(text);
    List<String> links = new java.util.ArrayList<>();
    while (matcher.find()) {
      links.add(matcher.group().replaceAll("[\"'<>].*$", ""));
    }
    return links;
  }
}
