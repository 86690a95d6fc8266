package it.percorsi.placement.notice;

import it.percorsi.platform.codes.TaxCodes;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads an upload of UNILAV notices as a stream: one XML file, or a zip of many (read entry by
 * entry). Each file is read with StAX; each notice ({@code UniLav} element) is built on its own,
 * validated against {@code schemas/unilav/unilav-notice.xsd} and handed over, so memory holds one
 * notice at a time whatever the size of the upload. A schema-invalid notice is reported and the
 * next one read; a file that is not well-formed is reported where it breaks and the next file read.
 * Not thread-safe: one reader per upload.
 */
public final class NoticeReader {

  public static final String NS = "http://servizi.lavoro.gov.it/unilav";

  /** Largest file (uncompressed zip entry, or single upload) read. */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private static final Schema SCHEMA = schema();

  /** Where the notices and the problems go, in the upload's order. */
  public interface Sink {
    void notice(Notice notice);

    void invalid(Notice.Position position, String noticeCode, String reason);
  }

  private final XMLInputFactory xml;
  private final Validator validator;

  /** The index of the notice being built, or 0 between notices. */
  private int reading;

  private final DocumentBuilder documents;

  public NoticeReader() {
    xml = XMLInputFactory.newFactory();
    xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    xml.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    validator = SCHEMA.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      documents = f.newDocumentBuilder();
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads {@code upload}: a zip (recognised by its signature) or one XML file named {@code name}.
   */
  public void read(InputStream upload, String name, Sink sink) throws IOException {
    BufferedInputStream in = new BufferedInputStream(upload, 64 * 1024);
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      readZip(in, sink);
    } else {
      readFile(new Limited(in), name, sink);
    }
  }

  private void readZip(InputStream in, Sink sink) throws IOException {
    ZipInputStream zip = new ZipInputStream(in);
    ZipEntry entry;
    try {
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        if (entry.isDirectory() || name.startsWith("__MACOSX/")) {
          continue;
        }
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
          sink.invalid(
              new Notice.Position(Redaction.fileName(name), 0, null), null, "not an .xml file");
          continue;
        }
        readFile(new Limited(zip), name, sink);
      }
    } catch (ZipException e) {
      sink.invalid(
          new Notice.Position("(zip)", 0, null), null, "not a readable zip: " + e.getMessage());
    }
  }

  private void readFile(InputStream in, String rawName, Sink sink) throws IOException {
    String name = Redaction.fileName(rawName);
    int index = 0;
    reading = 0;
    XMLStreamReader r = null;
    try {
      r = xml.createXMLStreamReader(in);
      while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
        // prolog, comments
      }
      if (!r.isStartElement()) {
        sink.invalid(new Notice.Position(name, 0, null), null, "no XML element in the file");
        return;
      }
      if (isUnilav(r, "UniLav")) {
        index = 1;
        notice(r, name, index, sink);
      } else if (isUnilav(r, "UniLavFile")) {
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
          index++;
          if (isUnilav(r, "UniLav")) {
            notice(r, name, index, sink);
          } else {
            int line = r.getLocation().getLineNumber();
            skip(r);
            sink.invalid(
                new Notice.Position(name, index, line),
                null,
                "element " + r.getLocalName() + " is not a UniLav notice");
          }
        }
      } else {
        sink.invalid(
            new Notice.Position(name, 0, r.getLocation().getLineNumber()),
            null,
            "the root element must be UniLav or UniLavFile in namespace " + NS);
      }
    } catch (XMLStreamException e) {
      Integer line = e.getLocation() == null ? null : e.getLocation().getLineNumber();
      sink.invalid(
          new Notice.Position(name, reading > 0 ? reading : index + 1, line),
          null,
          Redaction.reason("not well-formed XML: " + message(e)));
    } catch (TooLarge e) {
      sink.invalid(
          new Notice.Position(name, index + 1, null),
          null,
          "file larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // the stream underneath stays open: the next zip entry follows
        }
      }
    }
  }

  private static boolean isUnilav(XMLStreamReader r, String local) {
    return NS.equals(r.getNamespaceURI()) && local.equals(r.getLocalName());
  }

  /** One notice: from its start tag to its end tag, built, validated, read. */
  private void notice(XMLStreamReader r, String file, int index, Sink sink)
      throws XMLStreamException {
    int line = r.getLocation().getLineNumber();
    Notice.Position at = new Notice.Position(file, index, line);
    Document doc = documents.newDocument();
    reading = index;
    build(r, doc);
    reading = 0;
    Element root = doc.getDocumentElement();
    String code = text(root, "TipoComunicazione", "CodiceComunicazione");
    String safeCode = code != null && code.matches("[0-9A-Z]{6,40}") ? code : null;
    try {
      validator.validate(new DOMSource(doc));
    } catch (SAXException e) {
      sink.invalid(at, safeCode, Redaction.reason("not valid against the schema: " + message(e)));
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String problem = null;
    Notice n = null;
    try {
      n = toNotice(root, at);
      problem = check(n);
    } catch (DateTimeParseException e) {
      problem = "a date is not a calendar date";
    }
    if (problem != null) {
      sink.invalid(at, safeCode, problem);
    } else {
      sink.notice(n);
    }
  }

  private static Notice toNotice(Element root, Notice.Position at) {
    Element event = null;
    Notice.Event kind = null;
    for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e) {
        Notice.Event k =
            switch (e.getLocalName()) {
              case "InizioRapporto" -> Notice.Event.HIRE;
              case "Proroga" -> Notice.Event.EXTENSION;
              case "Trasformazione" -> Notice.Event.TRANSFORMATION;
              case "Cessazione" -> Notice.Event.END;
              default -> null;
            };
        if (k != null) {
          event = e;
          kind = k;
        }
      }
    }
    String contract = text(event, "TipoContratto");
    if (kind == Notice.Event.HIRE && Notice.INTERNSHIP_CONTRACT.equals(contract)) {
      kind = Notice.Event.INTERNSHIP;
    }
    String end = text(event, "DataFine");
    String hours = text(event, "OreSettimanali");
    return new Notice(
        at,
        text(root, "TipoComunicazione", "CodiceComunicazione"),
        Notice.Kind.of(text(root, "TipoComunicazione", "Tipo")),
        text(root, "TipoComunicazione", "CodiceComunicazionePrecedente"),
        kind,
        text(root, "DatoreLavoro", "CodiceFiscale"),
        text(root, "DatoreLavoro", "SettoreAteco"),
        text(root, "DatoreLavoro", "SedeLavoro", "ComuneIstat"),
        TaxCodes.normalise(text(root, "Lavoratore", "CodiceFiscale")),
        text(root, "Lavoratore", "Cittadinanza"),
        LocalDate.parse(text(event, "DataInizio")),
        end == null ? null : LocalDate.parse(end),
        contract,
        text(event, "QualificaProfessionale"),
        text(event, "TipoOrario"),
        Integer.parseInt(hours));
  }

  /** What the schema cannot say. */
  private static String check(Notice n) {
    if (n.kind() != Notice.Kind.ORIGINAL && n.targetsCode() == null) {
      return "a correction or cancellation must name CodiceComunicazionePrecedente";
    }
    if (n.kind() != Notice.Kind.ORIGINAL && n.targetsCode().equals(n.code())) {
      return "a correction or cancellation cannot be about itself";
    }
    if ((n.event() == Notice.Event.EXTENSION || n.event() == Notice.Event.END)
        && n.endDate() == null) {
      return (n.event() == Notice.Event.END ? "Cessazione" : "Proroga") + " requires DataFine";
    }
    String worker = TaxCodes.problem(n.workerTaxCode());
    if (worker != null) {
      return "the worker's tax code " + worker;
    }
    return null;
  }

  private static String text(Element from, String... path) {
    Element e = from;
    for (String step : path) {
      if (e == null) {
        return null;
      }
      Element found = null;
      for (Node c = e.getFirstChild(); c != null && found == null; c = c.getNextSibling()) {
        if (c instanceof Element x && step.equals(x.getLocalName())) {
          found = x;
        }
      }
      e = found;
    }
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().trim();
    return t.isEmpty() ? null : t;
  }

  /** Builds the element at the reader's position, with its content, as {@code doc}'s root. */
  private static void build(XMLStreamReader r, Document doc) throws XMLStreamException {
    Node current = doc;
    int depth = 0;
    do {
      switch (r.getEventType()) {
        case XMLStreamConstants.START_ELEMENT -> {
          Element e = doc.createElementNS(r.getNamespaceURI(), r.getLocalName());
          for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i);
            e.setAttributeNS(
                ns == null || ns.isEmpty() ? null : ns,
                r.getAttributeLocalName(i),
                r.getAttributeValue(i));
          }
          current.appendChild(e);
          current = e;
          depth++;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          current = current.getParentNode();
          depth--;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            current.appendChild(doc.createTextNode(r.getText()));
        default -> {
          // comments and processing instructions are not part of a notice
        }
      }
      if (depth > 0) {
        r.next();
      }
    } while (depth > 0);
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int at = m.indexOf("Message: ");
    return at >= 0 ? m.substring(at + 9) : m;
  }

  private static Schema schema() {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return f.newSchema(NoticeReader.class.getResource("/schemas/unilav/unilav-notice.xsd"));
    } catch (SAXException e) {
      throw new IllegalStateException("the UNILAV notice schema does not load", e);
    }
  }

  /** A file's bytes, up to {@link #MAX_FILE_BYTES}; never closes what it reads. */
  private static final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      read += n;
      if (read > MAX_FILE_BYTES) {
        throw new TooLarge();
      }
    }

    @Override
    public void close() {
      // the zip's next entry, or the caller's stream
    }
  }

  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }
}
