package org.proposalhandling.attachment.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * proposals.attachments: what an item's files may be.
 *
 * @param allowedTypes the media types accepted, as detected from a file's content (Apache Tika's names)
 * @param maxFileSize the largest file; keep spring.servlet.multipart.max-file-size a little above it, so that
 *     a larger file is refused with this app's message rather than the servlet container's
 * @param maxItemSize all files of one item together, replaced versions included
 * @param maxMailSize the reply's attachments a mail carries together (mail servers commonly refuse more than 20 to
 *     25 MB once encoded, which adds a third): the files beyond it go on paper, and the mail says which
 */
@ConfigurationProperties("proposals.attachments")
record AttachmentProperties(
    @DefaultValue({"application/pdf", "image/png", "image/jpeg", "image/tiff", "image/gif", "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", "text/plain"})
    List<String> allowedTypes,
    @DefaultValue("40MB") DataSize maxFileSize,
    @DefaultValue("200MB") DataSize maxItemSize,
    @DefaultValue("15MB") DataSize maxMailSize) {
}
