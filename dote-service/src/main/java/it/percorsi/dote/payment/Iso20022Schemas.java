package it.percorsi.dote.payment;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official ISO 20022 schemas of the two messages dote-service exchanges with the bank (see
 * {@code src/main/resources/iso20022/README.md}), compiled once; a document is checked against them
 * with external entities and DTDs refused.
 */
public final class Iso20022Schemas {

  /** The credit transfer initiation dote-service produces. */
  public static final Iso20022Schemas PAIN_001_001_09 = new Iso20022Schemas("pain.001.001.09");

  /** The bank's payment status report dote-service reads. */
  public static final Iso20022Schemas PAIN_002_001_10 = new Iso20022Schemas("pain.002.001.10");

  private final String message;
  private final Schema schema;

  private Iso20022Schemas(String message) {
    this.message = message;
    URL xsd = Iso20022Schemas.class.getResource("/iso20022/" + message + ".xsd");
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,jar:file");
      schema = f.newSchema(xsd);
    } catch (SAXException e) {
      throw new IllegalStateException("cannot load the " + message + " schema", e);
    }
  }

  public String message() {
    return message;
  }

  /**
   * Why {@code xml} is not a valid message of this schema (with its position), or null. Values
   * quoted by the parser are left out: they may be an IBAN or a name.
   */
  public String problem(String xml) {
    Validator v = schema.newValidator();
    try {
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.validate(new StreamSource(new StringReader(xml)));
      return null;
    } catch (SAXParseException e) {
      return "line "
          + e.getLineNumber()
          + ", column "
          + e.getColumnNumber()
          + ": "
          + withoutValues(e.getMessage());
    } catch (SAXException | IOException e) {
      return withoutValues(e.getMessage());
    }
  }

  private static String withoutValues(String message) {
    return message == null ? "unreadable" : message.replaceAll("'[^']*'", "'...'");
  }
}
