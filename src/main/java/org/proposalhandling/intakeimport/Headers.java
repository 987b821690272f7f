package org.proposalhandling.intakeimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A template's header row: where each column is, every header known, once, and every required one there. */
final class Headers {

  private Headers() {
  }

  static <C extends Enum<C>> Map<C, Integer> columns(List<String> headers, Class<C> type,
                                                    Function<C, String> header, Predicate<C> required) {
    List<ImportError> errors = new ArrayList<>();
    Map<C, Integer> columns = new EnumMap<>(type);
    C[] all = type.getEnumConstants();
    for (int i = 0; i < headers.size(); i++) {
      String text = headers.get(i) == null ? "" : headers.get(i).replace("\uFEFF", "").strip();
      if (text.isEmpty()) {
        continue;
      }
      Optional<C> column = Arrays.stream(all).filter(c -> header.apply(c).equals(text)).findFirst();
      if (column.isEmpty()) {
        errors.add(new ImportError(1, text, "无法识别的列标题。可用的列：" + Arrays.stream(all)
            .map(header).collect(Collectors.joining("、")) + "（请使用导入模板）。"));
      } else if (columns.putIfAbsent(column.get(), i) != null) {
        errors.add(new ImportError(1, text, "列标题重复出现。"));
      }
    }
    for (C column : all) {
      if (required.test(column) && !columns.containsKey(column)) {
        errors.add(new ImportError(1, header.apply(column), "缺少必需的列（请使用导入模板）。"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(errors);
    }
    return columns;
  }
}
