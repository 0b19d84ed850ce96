package org.newsarc.archive.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes dataset rows in one {@link DatasetFormat}; one implementation per format. */
abstract class DatasetWriter implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  abstract void write(Map<String, Object> row) throws IOException;

  /** A writer to {@code out} for a streamable format, else to {@code file}. */
  static DatasetWriter open(DatasetFormat format, OutputStream out, Path file) throws IOException {
    return switch (format) {
      case JSONL -> new Jsonl(out);
      case CSV -> new Csv(out);
      case SQLITE -> new Sqlite(file);
      case PARQUET -> new ParquetDatasetWriter(file);
    };
  }

  /** A list column's value: a list already, or a JSON array as the catalog stores it. */
  static List<String> jsonList(Object value) throws IOException {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return List.of(JSON.readValue(value.toString(), String[].class));
  }

  static String jsonText(Object value) throws IOException {
    return JSON.writeValueAsString(jsonList(value));
  }

  private static final class Jsonl extends DatasetWriter {
    private final BufferedWriter out;

    Jsonl(OutputStream stream) {
      out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    @Override
    void write(Map<String, Object> row) throws IOException {
      Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
      copy.put("authors", jsonList(row.get("authors")));
      copy.put("tags", jsonList(row.get("tags")));
      copy.put("seen_urls", jsonList(row.get("seen_urls")));
      out.write(JSON.writeValueAsString(copy));
      out.write('\n');
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  private static final class Csv extends DatasetWriter {
    private final BufferedWriter out;

    Csv(OutputStream stream) throws IOException {
      out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      List<String> names = new ArrayList<>();
      DatasetField.ALL.forEach(f -> names.add(f.name()));
      line(names);
    }

    @Override
    void write(Map<String, Object> row) throws IOException {
      List<String> cells = new ArrayList<>();
      for (DatasetField f : DatasetField.ALL) {
        Object v = row.get(f.name());
        if (f.kind() == DatasetField.Kind.LIST) {
          cells.add(String.join("; ", jsonList(v)));
        } else {
          cells.add(v == null ? "" : v.toString());
        }
      }
      line(cells);
    }

    private void line(List<String> cells) throws IOException {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        String c = cells.get(i);
        if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0
            || c.indexOf('\r') >= 0) {
          out.write('"');
          out.write(c.replace("\"", "\"\""));
          out.write('"');
        } else {
          out.write(c);
        }
      }
      out.write("\r\n");
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  private static final class Sqlite extends DatasetWriter {
    private final Connection db;
    private final PreparedStatement insert;

    Sqlite(Path file) throws IOException {
      try {
        Files.deleteIfExists(file);
        db = DriverManager.getConnection("jdbc:sqlite:" + file);
        db.setAutoCommit(false);
        StringBuilder create = new StringBuilder("CREATE TABLE articles (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < DatasetField.ALL.size(); i++) {
          DatasetField f = DatasetField.ALL.get(i);
          create.append(i == 0 ? "" : ", ").append(f.name()).append(' ').append(f.sqlType());
          marks.append(i == 0 ? "?" : ",?");
        }
        try (Statement st = db.createStatement()) {
          st.execute(create.append(")").toString());
          st.execute("CREATE TABLE dataset_info (column_name TEXT PRIMARY KEY, description TEXT)");
          st.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text,"
              + " content='articles', content_rowid='id')");
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO dataset_info VALUES (?,?)")) {
          for (DatasetField f : DatasetField.ALL) {
            ps.setString(1, f.name());
            ps.setString(2, f.description());
            ps.executeUpdate();
          }
        }
        insert = db.prepareStatement("INSERT INTO articles VALUES (" + marks + ")");
      } catch (SQLException e) {
        throw new IOException("cannot create " + file + ": " + e.getMessage(), e);
      }
    }

    @Override
    void write(Map<String, Object> row) throws IOException {
      try {
        for (int i = 0; i < DatasetField.ALL.size(); i++) {
          DatasetField f = DatasetField.ALL.get(i);
          Object v = row.get(f.name());
          insert.setObject(i + 1, f.kind() == DatasetField.Kind.LIST ? jsonText(v) : v);
        }
        insert.executeUpdate();
      } catch (SQLException e) {
        throw new IOException("cannot write row " + row.get("id") + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws IOException {
      try (db; Statement st = db.createStatement()) {
        st.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')");
        db.commit();
      } catch (SQLException e) {
        throw new IOException("cannot finish the SQLite export: " + e.getMessage(), e);
      }
    }
  }
}
