package org.proposalhandling.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/**
 * The Chinese user guide shows the screenshots the role walks take ({@link RoleWalksBrowserTest}, which copies
 * them into docs/images/guide with {@code -Dregenerate=true}): every image it names is there, every image there
 * is named, and each stays small enough for a guide read over an office's network.
 */
@ModelLayer
class UserGuideImagesTest {

  static final Path GUIDE = Path.of("docs/用户手册.md");
  private static final Pattern IMAGE = Pattern.compile("!\\[[^]]*]\\((images/guide/[^)]+)\\)");
  private static final long MOST_BYTES = 150 * 1024;

  @Test
  void theGuideAndItsImageFolderNameTheSameImages() throws IOException {
    List<String> named = IMAGE.matcher(Files.readString(GUIDE)).results().map(image -> image.group(1)).toList();
    List<String> there;
    try (Stream<Path> files = Files.list(RoleWalksBrowserTest.GUIDE_IMAGES)) {
      there = files.map(file -> "images/guide/" + file.getFileName()).toList();
    }
    assertThat(named).as("images the guide names").isNotEmpty().doesNotHaveDuplicates();
    assertThat(there).as("images in %s; the guide names %s", RoleWalksBrowserTest.GUIDE_IMAGES, named)
        .containsExactlyInAnyOrderElementsOf(named);
  }

  @Test
  void everyImageIsASmallPng() throws IOException {
    try (Stream<Path> files = Files.list(RoleWalksBrowserTest.GUIDE_IMAGES)) {
      assertThat(files.toList()).isNotEmpty().allSatisfy(file -> {
        assertThat(file.getFileName().toString()).endsWith(".png");
        assertThat(Files.size(file)).as(file.toString()).isLessThanOrEqualTo(MOST_BYTES);
      });
    }
  }
}
