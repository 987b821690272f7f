package org.proposalhandling.search.internal;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.search.SearchProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/search/rebuild}: an administrator (group camunda-admin, HTTP Basic like the rest of /api) has
 * the node's index rebuilt from the database, in the background; {@code GET} tells how far it is. 403 for anyone
 * else. A rebuild asked while one runs joins it.
 */
@RestController
@EnableConfigurationProperties(SearchProperties.class)
class IndexRebuildController {

  private final IndexUpdates updates;
  private final IdentityService identity;

  IndexRebuildController(IndexUpdates updates, IdentityService identity) {
    this.updates = updates;
    this.identity = identity;
  }

  @PostMapping("/api/search/rebuild")
  ResponseEntity<Map<String, Object>> rebuild() {
    return administrator() ? answer(HttpStatus.ACCEPTED, updates.rebuild()) : refused();
  }

  @GetMapping("/api/search/rebuild")
  ResponseEntity<Map<String, Object>> progress() {
    return administrator() ? answer(HttpStatus.OK, updates.progress()) : refused();
  }

  private boolean administrator() {
    Authentication user = identity.getCurrentAuthentication();
    return user != null && user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }

  private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, IndexUpdates.Progress progress) {
    return ResponseEntity.status(status).body(Map.of("running", progress.running(), "done", progress.done(),
        "total", progress.total(), "message", progress.running()
            ? "正在重建全文检索索引：已完成 " + progress.done() + " / " + progress.total() + " 件。"
            : "全文检索索引已是最新（上次重建 " + progress.done() + " 件）。"));
  }

  private static ResponseEntity<Map<String, Object>> refused() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "只有系统管理员可以重建全文检索索引。"));
  }
}
