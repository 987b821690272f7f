package org.proposalhandling.attachment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A file's type from its first bytes (Tika's magic), never from its name or the browser's word. Only where
 * the bytes say a ZIP or an OLE container, which Office documents are and Tika's core cannot open, does the
 * name choose among the container's kinds (docx or xlsx); a name never turns other bytes into an allowed type.
 */
@Component
class FileTypes {

  private static final Set<MediaType> CONTAINERS = Set.of(MediaType.APPLICATION_ZIP,
      MediaType.application("x-tika-ooxml"), MediaType.application("x-tika-msoffice"));

  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("application/pdf", "PDF 文档"),
      Map.entry("image/png", "PNG 图片"),
      Map.entry("image/jpeg", "JPEG 图片"),
      Map.entry("image/tiff", "TIFF 图片"),
      Map.entry("image/gif", "GIF 图片"),
      Map.entry("application/msword", "Word 文档"),
      Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档"),
      Map.entry("application/vnd.ms-excel", "Excel 表格"),
      Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格"),
      Map.entry("application/vnd.ms-powerpoint", "PowerPoint 演示文稿"),
      Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint 演示文稿"),
      Map.entry("text/plain", "纯文本"),
      Map.entry("application/x-executable", "可执行程序"),
      Map.entry("application/x-msdownload", "可执行程序"),
      Map.entry("application/x-sharedlib", "可执行程序"),
      Map.entry("application/x-mach-o-executable", "可执行程序"),
      Map.entry("application/zip", "ZIP 压缩包"));

  private final Detector detector = new Tika().getDetector();
  private final Set<String> allowed;

  FileTypes(AttachmentProperties properties) {
    this.allowed = Set.copyOf(properties.allowedTypes());
  }

  /**
   * The allowed type of the content at the stream's start (which must support mark and reset: the detector
   * reads a few kilobytes and goes back), or a refusal naming what the content is.
   */
  String allowedTypeOf(InputStream content, String fileName) {
    MediaType type = detect(content, new Metadata());
    if (CONTAINERS.contains(type)) {
      Metadata named = new Metadata();
      named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
      type = detect(content, named);
    }
    String found = type.getBaseType().toString();
    if (!allowed.contains(found)) {
      throw new AttachmentRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "「" + fileName + "」的内容是"
          + WORDS.getOrDefault(found, "不支持的格式（" + found + "）") + "，不能作为附件上传。可上传的类型：" + allowedWords() + "。");
    }
    return found;
  }

  /** The allowed types in the user's words: 「GIF 图片、PDF 文档、……」. */
  String allowedWords() {
    return String.join("、", allowed.stream().map(FileTypes::wordsFor).distinct().sorted().toList());
  }

  /** The type in the user's words: 「PDF 文档」. */
  static String wordsFor(String mediaType) {
    return WORDS.getOrDefault(mediaType, mediaType);
  }

  private MediaType detect(InputStream content, Metadata metadata) {
    try {
      return detector.detect(content, metadata);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
