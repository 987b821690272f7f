package org.proposalhandling.intakeimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalhandling.intakeimport.ImportFiles.csv;
import static org.proposalhandling.intakeimport.ImportFiles.row;
import static org.proposalhandling.intakeimport.ImportFiles.with;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The bulk import refuses emoji as the start form does (intake.IntakeValidator), by row and column; rare names pass. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class EmojiImportTest {

  @LocalServerPort int port;
  @Autowired ItemRepository items;

  @Test
  void aRowWithAnEmojiIsRefusedNamingItsFieldAndNothingIsImported() {
    String prefix = "E" + System.nanoTime() % 10_000_000 + "-";
    List<List<String>> rows = List.of(
        with(row(IntakeImportTest.SESSION, prefix + "a", "关于𠮷林社区养老服务的建议"), ImportColumn.PROPOSER, "𠮷田䶮𬺰"), // row 2
        with(row(IntakeImportTest.SESSION, prefix + "b", "关于养老服务的建议"), ImportColumn.CONTENT, "建议😀内容。"));   // row 3

    ImportClient.Response response = new ImportClient(port, "jlgov-clerk", "demo")
        .upload("emoji.csv", csv(rows).getBytes(StandardCharsets.UTF_8), false);

    assertThat(response.status()).isEqualTo(400);
    assertThat(IntakeImportTest.errors(response.body()))
        .containsExactly("3|内容|「内容」中有表情符号“😀”，公文不印表情符号，请删去。");
    assertThat(items.findBySessionAndNumber(IntakeImportTest.SESSION, prefix + "a")).isEmpty();
  }
}
