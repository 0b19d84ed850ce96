package org.newsarc.spark.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.newsarc.archive.dataset.DatasetField;

/**
 * The Spark schema of an extracted dataset: the columns of {@code newsarc export}
 * ({@link DatasetField#ALL}), in its order. List columns (authors, tags, seen_urls) are arrays of strings, as in the
 * JSONL export. Stateless.
 */
public final class DatasetColumns {
  /** Column names, in order. */
  public static final List<String> NAMES;
  /** The Spark schema. */
  public static final StructType SCHEMA;

  static {
    List<String> names = new ArrayList<>();
    List<StructField> fields = new ArrayList<>();
    for (DatasetField f : DatasetField.ALL) {
      names.add(f.name());
      fields.add(DataTypes.createStructField(f.name(), type(f), !f.name().equals("id")));
    }
    NAMES = List.copyOf(names);
    SCHEMA = DataTypes.createStructType(fields);
  }

  private DatasetColumns() {}

  private static DataType type(DatasetField f) {
    if (f.kind() == DatasetField.Kind.LIST) {
      return DataTypes.createArrayType(DataTypes.StringType, false);
    }
    return switch (f.sqlType()) {
      case "INTEGER" -> DataTypes.LongType;
      case "REAL" -> DataTypes.DoubleType;
      default -> DataTypes.StringType;
    };
  }
}
