package org.proposalhandling.attachment.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.proposalhandling.attachment.ReplyFiles;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.item.ItemReaders;
import org.proposalhandling.security.CurrentUser;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The rules of an item's files: who adds, withdraws and replaces which, within which limits; the item page
 * asks it for the list and the forms ({@code ${@itemFiles.listed(item.id())}}). The caller has checked that
 * the user reads the item ({@link #readable}).
 */
@Component("itemFiles")
@EnableConfigurationProperties(AttachmentProperties.class)
class ItemFiles {

  /** The step of a file that belongs to the item as a whole, not to one task. */
  static final String WHOLE_ITEM = "ITEM";
  private static final String WHOLE_ITEM_NAME = "办件";

  /** A file as the page lists it. */
  record Listed(String id, String name, long size, String type, String addedBy, Instant addedAt, String step,
                boolean replaced, boolean changeable) {

    /** 「1.5 MB」, 「320 KB」, 「12 字节」. */
    public String sizeText() {
      if (size >= 1024 * 1024) {
        return String.format("%.1f MB", size / 1024.0 / 1024.0);
      }
      return size >= 1024 ? (size + 1023) / 1024 + " KB" : size + " 字节";
    }
  }

  /** A step a user may attach a file to. */
  record Step(String key, String name) {

    public String label() {
      return name + replyMark(key);
    }
  }

  private final FileStore store;
  private final FileTypes types;
  private final AttachmentProperties properties;
  private final ItemReaders readers;
  private final ItemRepository items;
  private final UnitDirectory directory;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final SystemActions system;
  private final TransactionTemplate transaction;

  ItemFiles(FileStore store, FileTypes types, AttachmentProperties properties, ItemReaders readers,
            ItemRepository items, UnitDirectory directory, TaskService tasks, RepositoryService repository, IdentityService identity,
            SystemActions system, TransactionTemplate transaction) {
    this.store = store;
    this.types = types;
    this.properties = properties;
    this.readers = readers;
    this.items = items;
    this.directory = directory;
    this.tasks = tasks;
    this.repository = repository;
    this.identity = identity;
    this.system = system;
    this.transaction = transaction;
  }

  boolean readable(Authentication user, String itemId) {
    return user != null && readers.mayRead(user, itemId);
  }

  public List<Listed> listed(String itemId) {
    Authentication user = CurrentUser.get();
    Map<String, String> names = new HashMap<>();
    return store.of(itemId).stream().map(file -> new Listed(file.id(), file.fileName(), file.size(),
        FileTypes.wordsFor(file.mediaType()), names.computeIfAbsent(file.addedBy(), this::personName), file.addedAt(),
        file.stepName() + replyMark(file.step()), file.replacedBy() != null, changeable(user, file))).toList();
  }

  /** The steps the signed-in user may attach a file to: the item as a whole, and his unit's open tasks on it. */
  public List<Step> steps(String itemId) {
    return steps(CurrentUser.get(), itemId);
  }

  private List<Step> steps(Authentication user, String itemId) {
    if (!mayAdd(user, items.get(itemId))) {
      return List.of();
    }
    List<Step> steps = new ArrayList<>(List.of(new Step(WHOLE_ITEM, WHOLE_ITEM_NAME)));
    system.run(() -> openTasks(itemId).stream().filter(task -> holds(user, task))
        .map(task -> new Step(task.getTaskDefinitionKey(), stepName(task))).toList()).forEach(steps::add);
    return steps.stream().distinct().toList();
  }

  /** What the upload form takes, for its hint. */
  public String accepted() {
    return "可上传 " + types.allowedWords() + "（按文件内容判定类型）；单个文件不超过 " + text(properties.maxFileSize())
        + "，本件附件合计不超过 " + text(properties.maxItemSize()) + "。";
  }

  /** Stores a new file for the item at one of the user's steps, replacing an earlier one if named. */
  FileStore.StoredFile add(Authentication user, String itemId, String stepKey, String fileName, InputStream content,
                           String replacing) {
    Step step = steps(user, itemId).stream().filter(offered -> offered.key().equals(stepKey)).findFirst()
        .orElseThrow(() -> new AttachmentRefusedException(HttpStatus.FORBIDDEN, "您当前不能为本件的这一环节上传附件。"));
    String name = nameOf(fileName);
    long itemRoom = properties.maxItemSize().toBytes() - store.used(itemId);
    long fileLimit = properties.maxFileSize().toBytes();
    String limitText = itemRoom < fileLimit ? "本件附件合计 " + text(properties.maxItemSize()) + " 的上限（尚余 "
        + text(DataSize.ofBytes(Math.max(0, itemRoom))) + "）" : "单个文件 " + text(properties.maxFileSize()) + " 的上限";
    InputStream marked = new BufferedInputStream(content, FileStore.CHUNK);
    String mediaType = types.allowedTypeOf(marked, name);
    return transaction.execute(status -> {
      FileStore.StoredFile stored = store.save(new FileStore.NewFile(itemId, step.key(), step.name(),
          items.get(itemId).handlingRound(), name, user.getUserId(), Instant.now()), mediaType, marked, Math.min(itemRoom, fileLimit), limitText);
      if (replacing != null) {
        store.replaced(replacing, stored.id());
      }
      return stored;
    });
  }

  /** A file the user may change (withdraw, replace): his own, current, while its step is open. */
  FileStore.StoredFile changeable(Authentication user, String itemId, String fileId) {
    return store.find(itemId, fileId).filter(file -> changeable(user, file))
        .orElseThrow(() -> new AttachmentRefusedException(HttpStatus.FORBIDDEN,
            "只有上传人可以在所属环节办结前撤回或替换附件；该附件已不能更改。"));
  }

  void withdraw(Authentication user, String itemId, String fileId) {
    store.withdrawn(changeable(user, itemId, fileId).id(), Instant.now());
  }

  Optional<FileStore.StoredFile> file(String itemId, String fileId) {
    return store.find(itemId, fileId);
  }

  /** The item's files as they stand: neither withdrawn nor replaced. */
  List<FileStore.StoredFile> current(String itemId) {
    return store.of(itemId).stream().filter(file -> file.replacedBy() == null).toList();
  }

  /** 「市政协十四届五次会议第0111号附件.zip」 */
  String zipName(String itemId) {
    return items.get(itemId).shortReference() + "附件.zip";
  }

  void verify(FileStore.StoredFile file) {
    store.verify(file);
  }

  void write(FileStore.StoredFile file, OutputStream out) throws IOException {
    store.write(file, out);
  }

  private boolean changeable(Authentication user, FileStore.StoredFile file) {
    return user != null && file.addedBy().equals(user.getUserId()) && file.replacedBy() == null
        && open(items.get(file.itemId()), file.step());
  }

  private boolean open(Item item, String step) {
    return WHOLE_ITEM.equals(step) ? open(item)
        : system.run(() -> openTasks(item.id()).stream().anyMatch(task -> task.getTaskDefinitionKey().equals(step)));
  }

  private static boolean open(Item item) {
    return !ItemStatus.finished().contains(item.status());
  }

  /** The office's clerks and the staff of the lead and co-handling units, while the item is open. */
  private boolean mayAdd(Authentication user, Item item) {
    if (user == null || !open(item)) {
      return false;
    }
    List<String> handlingUnits = new ArrayList<>(items.coHandlingUnitIds(item.id()));
    if (item.leadUnitId() != null) {
      handlingUnits.add(item.leadUnitId());
    }
    return user.getGroupIds().contains(Role.CLERK.groupOf(item.assigningOfficeId()))
        || directory.unitsWorkedFor(user).stream().map(Unit::id).anyMatch(handlingUnits::contains);
  }

  private boolean holds(Authentication user, Task task) {
    return user.getUserId().equals(task.getAssignee()) || tasks.getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && user.getGroupIds().contains(link.getGroupId()));
  }

  /** The step's name in the process (会办意见), not the task's, which names the unit and the item too. */
  private String stepName(Task task) {
    FlowElement step = repository.getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey());
    return step.getName();
  }

  private List<Task> openTasks(String itemId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(itemId).active().list();
  }

  private String personName(String userId) {
    User user = system.run(() -> identity.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : People.nameOf(user);
  }

  /** What tells the drafter that a file of 起草答复 goes out with the reply. */
  private static String replyMark(String step) {
    return ReplyFiles.STEP.equals(step) ? "（答复附件，随答复函发出）" : "";
  }

  /** The name without a path some browsers send; refused when it cannot be kept whole. */
  private static String nameOf(String fileName) {
    String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
    if (name.isEmpty()) {
      throw new AttachmentRefusedException(HttpStatus.BAD_REQUEST, "请选择要上传的文件。");
    }
    if (name.codePointCount(0, name.length()) > 255) {
      throw new AttachmentRefusedException(HttpStatus.BAD_REQUEST, "文件名超过 255 个字符，请改短后再上传。");
    }
    return name;
  }

  private static String text(DataSize size) {
    return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
  }
}
