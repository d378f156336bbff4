package chat.plume.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * {@code web.xml} is valid against the Jakarta Servlet 6.0 schema: Payara validates it (and does
 * not deploy an invalid one while still printing "ready"); WildFly does not, so only this test
 * would notice. The schemas come from the Servlet API jar, offline.
 */
class WebXmlTest {

    /** The W3C schema of the {@code xml:} attributes, which the Jakarta schemas import; enough of it to resolve. */
    private static final String XML_NAMESPACE_SCHEMA = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace">
              <xs:attribute name="lang" type="xs:language"/>
              <xs:attribute name="space" type="xs:NCName"/>
              <xs:attribute name="base" type="xs:anyURI"/>
              <xs:attribute name="id" type="xs:ID"/>
            </xs:schema>
            """;

    @Test
    void webXmlFollowsTheServletSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new FromServletApi());
        InputStream webApp =
                getClass().getClassLoader().getResourceAsStream("jakarta/servlet/resources/web-app_6_0.xsd");
        var schema = factory.newSchema(new StreamSource(webApp, "web-app_6_0.xsd"));
        assertDoesNotThrow(() -> schema.newValidator()
                .validate(new StreamSource(
                        Path.of("src/main/webapp/WEB-INF/web.xml").toFile())));
    }

    /** Imports resolved from the Servlet API jar by file name; the xml: namespace from the schema above. */
    private static final class FromServletApi implements LSResourceResolver {
        @Override
        public LSInput resolveResource(
                String type, String namespace, String publicId, String systemId, String baseUri) {
            String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
            if ("http://www.w3.org/XML/1998/namespace".equals(namespace) || "xml.xsd".equals(name)) {
                return new Input(systemId, new StringReader(XML_NAMESPACE_SCHEMA), null);
            }
            InputStream stream =
                    WebXmlTest.class.getClassLoader().getResourceAsStream("jakarta/servlet/resources/" + name);
            return stream == null ? null : new Input(systemId, null, stream);
        }
    }

    private record Input(String systemId, Reader characters, InputStream bytes) implements LSInput {
        @Override
        public Reader getCharacterStream() {
            return characters;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {}

        @Override
        public InputStream getByteStream() {
            return bytes;
        }

        @Override
        public void setByteStream(InputStream byteStream) {}

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {}

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String systemId) {}

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String publicId) {}

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseURI) {}

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {}

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {}
    }
}
