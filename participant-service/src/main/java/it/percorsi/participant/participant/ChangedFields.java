package it.percorsi.participant.participant;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The names of the fields that differ between two versions of a record, as their JSON paths ({@code
 * permit.expiryDate} inside a nested record). Names only: the values stay where they are.
 */
final class ChangedFields {

  private ChangedFields() {}

  static <R extends Record> List<String> between(R before, R after) {
    List<String> changed = new ArrayList<>();
    diff("", before, after, changed);
    return changed;
  }

  private static void diff(String prefix, Record before, Record after, List<String> changed) {
    for (RecordComponent c : before.getClass().getRecordComponents()) {
      Object a = value(c, before);
      Object b = value(c, after);
      if (Objects.equals(a, b)) {
        continue;
      }
      if (a instanceof Record ra && b instanceof Record rb) {
        diff(prefix + c.getName() + ".", ra, rb, changed);
      } else {
        changed.add(prefix + c.getName());
      }
    }
  }

  private static Object value(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }
}
