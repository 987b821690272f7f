package org.proposalhandling.disclosure;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.proposalhandling.attachment.ReplyFiles;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.disclosure.PublicationRepository.Search;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.letter.ReplyLetter;
import org.proposalhandling.search.ItemSearch;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public disclosure pages, without login: the published replies, paged and searchable by year, unit, kind
 * and keywords (among the index's published replies only: their title and text, never an unpublished item's),
 * and each reply with the metadata of seed 000, its text as the letter has it, and its PDF. Only what the letter
 * itself carries is shown (the addressee, the text, its attachments (附件, downloadable), the issuing unit, the date, and the 附注 with
 * 负责人, 承办人 and the unit's phone, as the published seed 003 shows them); never the proposer's contacts,
 * the co-handling opinions, the review comments, nor the history. A reply that is not published has no page:
 * its address answers 404 like any unknown one. The list shows each item's latest reply; a reply superseded by
 * a later round's (after 不满意) keeps its page, marked so, and the latest reply's page lists it.
 */
@Controller
class PublicRepliesController {

  static final int PAGE_SIZE = 20;
  /** The best of a keyword search's hits that the list pages through. */
  private static final int MAX_FOUND = 500;

  private final PublicationRepository publications;
  private final ReplyLetterSource letters;
  private final UnitDirectory units;
  private final ItemSearch itemSearch;
  private final ReplyFiles files;

  PublicRepliesController(PublicationRepository publications, ReplyLetterSource letters, UnitDirectory units,
                          ItemSearch itemSearch, ReplyFiles files) {
    this.itemSearch = itemSearch;
    this.files = files;
    this.publications = publications;
    this.letters = letters;
    this.units = units;
  }

  @GetMapping("/public/replies")
  String list(@RequestParam(required = false) String year, @RequestParam(required = false) String unit,
              @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
              @RequestParam(defaultValue = "1") String page, Model model) {
    String words = blankToNull(q);
    List<ItemSearch.PublishedHit> hits = words == null ? List.of() : itemSearch.published(words, MAX_FOUND);
    Search search = new Search(number(year), blankToNull(unit), kindOf(kind), words,
        words == null ? null : hits.stream().map(ItemSearch.PublishedHit::publicationId).toList());
    model.addAttribute("passages", hits.stream().filter(hit -> hit.passage() != null)
        .collect(Collectors.toMap(ItemSearch.PublishedHit::publicationId, ItemSearch.PublishedHit::passage)));
    int total = publications.count(search);
    int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(Math.max(1, number(page) == null ? 1 : number(page)), pages);
    model.addAttribute("publications", publications.page(search, (current - 1) * PAGE_SIZE, PAGE_SIZE));
    model.addAttribute("total", total);
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    model.addAttribute("search", search);
    model.addAttribute("years", publications.years());
    List<String> publishing = publications.unitIds();
    model.addAttribute("units", units.all().stream().filter(candidate -> publishing.contains(candidate.id())).toList());
    model.addAttribute("kinds", Arrays.asList(ItemKind.values()));
    return "public/replies";
  }

  @GetMapping("/public/replies/{id}")
  String reply(@PathVariable String id, Model model, HttpServletResponse response) {
    Publication publication = publications.find(id).orElse(null);
    ReplyLetter letter = publication == null ? null : letters.find(publication.itemId(), publication.round()).orElse(null);
    if (letter == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "public/not-found";
    }
    List<Publication> rounds = publications.ofItem(publication.itemId());
    model.addAttribute("publication", publication);
    model.addAttribute("latest", rounds.get(rounds.size() - 1));
    model.addAttribute("earlier", rounds.stream().filter(round -> round.round() < publication.round()).toList());
    model.addAttribute("letter", letter);
    model.addAttribute("files", files.of(publication.itemId(), publication.round()));
    model.addAttribute("paragraphs", letter.body().lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    return "public/reply";
  }

  @GetMapping("/public/replies/{id}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String id) {
    return publications.find(id).flatMap(publication -> letters.find(publication.itemId(), publication.round()))
        .map(letters::download).orElseGet(() -> ResponseEntity.notFound().build());
  }

  /** A published reply's attachment, as public as the reply: the files of other steps or rounds are 404. */
  @GetMapping("/public/replies/{id}/files/{fileId}")
  String file(@PathVariable String id, @PathVariable String fileId, HttpServletResponse response) throws IOException {
    Optional<Publication> publication = publications.find(id);
    if (publication.isPresent() && files.download(publication.get().itemId(), publication.get().round(), fileId, response)) {
      return null;
    }
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return "public/not-found";
  }

  private static Integer number(String text) {
    if (text == null || !text.strip().matches("\\d{1,9}")) {
      return null;
    }
    return Integer.parseInt(text.strip());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static ItemKind kindOf(String text) {
    return Arrays.stream(ItemKind.values()).filter(kind -> kind.name().equals(text)).findFirst().orElse(null);
  }
}
