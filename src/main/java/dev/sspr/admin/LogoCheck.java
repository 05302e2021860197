package dev.sspr.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks an uploaded tenant logo (R-52) before it is stored and shown on end-user pages. The type
 * is decided from the bytes alone, since the declared content type and file name are attacker
 * controlled; PNG and JPEG must really decode, and SVG is accepted only when every element and
 * attribute is on a small allow-list, because an SVG is a document that can run script.
 */
final class LogoCheck {

	static final int MAX_BYTES = 100 * 1024;

	/** Caps the decoded size: a tiny PNG or JPEG can declare dimensions that exhaust the heap. */
	static final long MAX_PIXELS = 4096L * 4096L;

	static final String PNG = "image/png";

	static final String JPEG = "image/jpeg";

	static final String SVG = "image/svg+xml";

	static final String EMPTY = "admin.branding.logo.empty";

	static final String TOO_LARGE = "admin.branding.logo.tooLarge";

	static final String UNREADABLE = "admin.branding.logo.unreadable";

	static final String UNSUPPORTED_TYPE = "admin.branding.logo.unsupportedType";

	static final String UNSAFE_SVG = "admin.branding.logo.unsafeSvg";

	static final String SVG_NS = "http://www.w3.org/2000/svg";

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] JPEG_SIGNATURE = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	/** Shapes, text and paint servers only: no script, style, foreign content, images or animation. */
	private static final Set<String> ALLOWED_ELEMENTS = Set.of("svg", "g", "path", "rect", "circle", "ellipse",
			"line", "polyline", "polygon", "text", "tspan", "title", "desc", "defs", "linearGradient",
			"radialGradient", "stop", "clipPath", "mask", "symbol", "use");

	/** Ways a value can run script or fetch something from elsewhere. */
	private static final String[] FORBIDDEN_IN_VALUES = { "javascript:", "expression(", "@import", "data:" };

	static {
		// Decoding happens in memory; the default disk cache would leave temp files behind.
		ImageIO.setUseCache(false);
	}

	/** The outcome: the content type to store and serve, or the message key of the refusal. */
	record Result(String contentType, String errorKey) {

		boolean accepted() {
			return errorKey == null;
		}

		static Result of(String contentType) {
			return new Result(contentType, null);
		}

		static Result refused(String errorKey) {
			return new Result(null, errorKey);
		}
	}

	private LogoCheck() {
	}

	static Result check(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			return Result.refused(EMPTY);
		}
		if (bytes.length > MAX_BYTES) {
			return Result.refused(TOO_LARGE);
		}
		if (startsWith(bytes, PNG_SIGNATURE)) {
			return raster(bytes, PNG);
		}
		if (startsWith(bytes, JPEG_SIGNATURE)) {
			return raster(bytes, JPEG);
		}
		if (looksLikeXml(bytes)) {
			return svg(bytes);
		}
		return Result.refused(UNSUPPORTED_TYPE);
	}

	private static Result raster(byte[] bytes, String contentType) {
		try {
			if (!reasonableDimensions(bytes)) {
				return Result.refused(UNREADABLE);
			}
			// A matching signature proves nothing about the rest; the browser must be able to draw it.
			return ImageIO.read(new ByteArrayInputStream(bytes)) != null ? Result.of(contentType)
					: Result.refused(UNREADABLE);
		}
		catch (IOException | RuntimeException ex) {
			return Result.refused(UNREADABLE);
		}
	}

	/** Reads only the header, so a forged width and height are refused before any pixels are allocated. */
	private static boolean reasonableDimensions(byte[] bytes) throws IOException {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
			if (readers == null || !readers.hasNext()) {
				return false;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				return width > 0 && height > 0 && width * height <= MAX_PIXELS;
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static Result svg(byte[] bytes) {
		Document document;
		try {
			document = hardenedBuilder().parse(new ByteArrayInputStream(bytes));
		}
		catch (IOException | SAXException | ParserConfigurationException | RuntimeException ex) {
			// Includes any DOCTYPE: entities are how XML reads local files or explodes in memory.
			return Result.refused(UNREADABLE);
		}
		Element root = document.getDocumentElement();
		if (root == null || !"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
			return Result.refused(UNSUPPORTED_TYPE);
		}
		return harmless(document) ? Result.of(SVG) : Result.refused(UNSAFE_SVG);
	}

	/** Walks the whole document without recursion, so deep nesting cannot overflow the stack. */
	private static boolean harmless(Document document) {
		Deque<Node> pending = new ArrayDeque<>();
		pending.push(document);
		while (!pending.isEmpty()) {
			Node node = pending.pop();
			switch (node.getNodeType()) {
				case Node.ELEMENT_NODE -> {
					if (!harmlessElement((Element) node)) {
						return false;
					}
				}
				case Node.DOCUMENT_NODE, Node.TEXT_NODE, Node.CDATA_SECTION_NODE, Node.COMMENT_NODE -> {
					// Text is drawn, never run.
				}
				default -> {
					// Processing instructions (xml-stylesheet), entity references and anything unexpected.
					return false;
				}
			}
			for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
				pending.push(child);
			}
		}
		return true;
	}

	private static boolean harmlessElement(Element element) {
		if (!SVG_NS.equals(element.getNamespaceURI()) || !ALLOWED_ELEMENTS.contains(element.getLocalName())) {
			return false;
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
			String value = compact(attribute.getValue());
			if (name.toLowerCase(Locale.ROOT).startsWith("on")) {
				return false;
			}
			// Only references inside the same document; anything else loads a resource from elsewhere.
			if ("href".equalsIgnoreCase(name) && !value.startsWith("#")) {
				return false;
			}
			if (!harmlessValue(value)) {
				return false;
			}
		}
		return true;
	}

	private static boolean harmlessValue(String value) {
		for (String forbidden : FORBIDDEN_IN_VALUES) {
			if (value.contains(forbidden)) {
				return false;
			}
		}
		// CSS escapes (\75 rl) would spell the words above past a plain text check.
		if (value.indexOf('\\') >= 0) {
			return false;
		}
		for (int at = value.indexOf("url("); at >= 0; at = value.indexOf("url(", at + 1)) {
			int next = at + "url(".length();
			if (next < value.length() && (value.charAt(next) == '\'' || value.charAt(next) == '"')) {
				next++;
			}
			if (next >= value.length() || value.charAt(next) != '#') {
				return false;
			}
		}
		return true;
	}

	/** Lower case without whitespace or control characters, which browsers skip inside schemes and CSS. */
	private static String compact(String value) {
		StringBuilder compact = new StringBuilder(value.length());
		value.codePoints()
			.filter((c) -> !Character.isWhitespace(c) && !Character.isISOControl(c) && !Character.isSpaceChar(c))
			.forEach(compact::appendCodePoint);
		return compact.toString().toLowerCase(Locale.ROOT);
	}

	private static DocumentBuilder hardenedBuilder() throws ParserConfigurationException {
		// The JDK's own parser: a library on the class path might not honour these features.
		DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		DocumentBuilder builder = factory.newDocumentBuilder();
		builder.setErrorHandler(SILENT);
		return builder;
	}

	/** The default handler prints to stderr; a refused upload is not worth a log line per attempt. */
	private static final ErrorHandler SILENT = new ErrorHandler() {

		@Override
		public void warning(SAXParseException ex) {
		}

		@Override
		public void error(SAXParseException ex) throws SAXException {
			throw ex;
		}

		@Override
		public void fatalError(SAXParseException ex) throws SAXException {
			throw ex;
		}
	};

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean looksLikeXml(byte[] bytes) {
		int at = 0;
		if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
			at = 3;
		}
		while (at < bytes.length && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\r' || bytes[at] == '\n')) {
			at++;
		}
		return at < bytes.length && bytes[at] == '<';
	}
}
