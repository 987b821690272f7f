package org.proposalhandling.mail;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.proposalhandling.mail.MailAttachments.Attachment;
import org.springframework.stereotype.Component;

/** Finds the {@link MailAttachments} of a stored reference's kind and renders the attachment. */
@Component
class AttachmentRenderer {

  private final Map<String, MailAttachments> byKind;

  AttachmentRenderer(List<MailAttachments> sources) {
    this.byKind = sources.stream().collect(Collectors.toMap(MailAttachments::kind, Function.identity()));
  }

  /** The stored form of a mail's attachments: one reference a line, or null for none. */
  static String store(List<String> references) {
    return references.isEmpty() ? null : String.join("\n", references);
  }

  /** The attachments of a stored mail; fails (and the send job retries) when one cannot be rendered. */
  List<Attachment> render(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return stored.lines().map(this::renderOne).toList();
  }

  private Attachment renderOne(String reference) {
    int colon = reference.indexOf(':');
    MailAttachments source = colon < 0 ? null : byKind.get(reference.substring(0, colon));
    if (source == null) {
      throw new IllegalStateException("No attachment source for " + reference);
    }
    return source.render(reference.substring(colon + 1));
  }
}
