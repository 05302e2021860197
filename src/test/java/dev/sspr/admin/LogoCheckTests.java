package dev.sspr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Logo uploads: the type comes from the bytes, and SVG passes only when it cannot run or fetch anything. */
class LogoCheckTests {

	static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
			+ " viewBox=\"0 0 10 10\">";

	static final String CLEAN_SVG = """
			<?xml version="1.0" encoding="UTF-8"?>
			%s
				<title>Logo</title>
				<defs>
					<linearGradient id="g"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#000"/></linearGradient>
					<path id="a" d="M0 0 L10 10 Z"/>
				</defs>
				<rect width="10" height="10" fill="url(#g)" style="stroke: url( '#g' ); opacity: 0.5"/>
				<use href="#a"/>
				<use xlink:href="#a" x="2"/>
				<text x="1" y="9">Contoso</text>
			</svg>
			""".formatted(OPEN);

	@Test
	void whenRealPngThenAcceptedAsPng() throws IOException {
		LogoCheck.Result result = LogoCheck.check(image("png", BufferedImage.TYPE_INT_ARGB));

		assertThat(result.accepted()).isTrue();
		assertThat(result.contentType()).isEqualTo("image/png");
		assertThat(result.errorKey()).isNull();
	}

	@Test
	void whenRealJpegThenAcceptedAsJpeg() throws IOException {
		LogoCheck.Result result = LogoCheck.check(image("jpg", BufferedImage.TYPE_INT_RGB));

		assertThat(result.accepted()).isTrue();
		assertThat(result.contentType()).isEqualTo("image/jpeg");
	}

	@Test
	void whenPngSignatureWithGarbageThenUnreadable() {
		byte[] bytes = Arrays.copyOf(new byte[] { (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, 64);
		Arrays.fill(bytes, 8, bytes.length, (byte) 0x41);

		assertRefused(LogoCheck.check(bytes), "admin.branding.logo.unreadable");
	}

	@Test
	void whenRealPngCutShortThenUnreadable() throws IOException {
		byte[] png = image("png", BufferedImage.TYPE_INT_ARGB);

		assertRefused(LogoCheck.check(Arrays.copyOf(png, png.length / 2)), "admin.branding.logo.unreadable");
	}

	@Test
	void whenJpegSignatureWithGarbageThenUnreadable() {
		byte[] bytes = Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, 64);

		assertRefused(LogoCheck.check(bytes), "admin.branding.logo.unreadable");
	}

	@Test
	void whenPngDeclaresHugeDimensionsThenUnreadableBeforeDecoding() throws IOException {
		byte[] png = image("png", BufferedImage.TYPE_INT_ARGB);
		// IHDR width and height follow the signature, chunk length and type; the CRC no longer matches,
		// which the header-only read does not check, so the size guard is what refuses it.
		byte[] forged = png.clone();
		writeInt(forged, 16, 60_000);
		writeInt(forged, 20, 60_000);

		assertRefused(LogoCheck.check(forged), "admin.branding.logo.unreadable");
	}

	@Test
	void whenGifThenUnsupportedType() throws IOException {
		byte[] gif = image("gif", BufferedImage.TYPE_INT_RGB);

		assertThat(new String(gif, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("GIF8");
		assertRefused(LogoCheck.check(gif), "admin.branding.logo.unsupportedType");
	}

	@Test
	void whenTextOrPdfThenUnsupportedType() {
		assertRefused(LogoCheck.check("just text".getBytes(StandardCharsets.UTF_8)),
				"admin.branding.logo.unsupportedType");
		assertRefused(LogoCheck.check("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)),
				"admin.branding.logo.unsupportedType");
	}

	@Test
	void whenEmptyThenEmpty() {
		assertRefused(LogoCheck.check(null), "admin.branding.logo.empty");
		assertRefused(LogoCheck.check(new byte[0]), "admin.branding.logo.empty");
	}

	@Test
	void whenOverMaxBytesThenTooLarge() throws IOException {
		byte[] png = image("png", BufferedImage.TYPE_INT_ARGB);
		byte[] large = Arrays.copyOf(png, LogoCheck.MAX_BYTES + 1);

		assertRefused(LogoCheck.check(large), "admin.branding.logo.tooLarge");
	}

	@Test
	void whenCleanSvgThenAcceptedAsSvg() {
		LogoCheck.Result result = LogoCheck.check(utf8(CLEAN_SVG));

		assertThat(result.errorKey()).isNull();
		assertThat(result.accepted()).isTrue();
		assertThat(result.contentType()).isEqualTo("image/svg+xml");
	}

	@Test
	void whenSvgAfterBomAndWhitespaceThenAccepted() {
		byte[] svg = utf8("\n  " + OPEN + "<circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>");
		byte[] withBom = new byte[svg.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(svg, 0, withBom, 3, svg.length);

		assertThat(LogoCheck.check(withBom).contentType()).isEqualTo("image/svg+xml");
	}

	static Stream<Arguments> unsafeSvgs() {
		return Stream.of(Arguments.of("script", OPEN + "<script>alert(1)</script></svg>"),
				Arguments.of("onload on the root", OPEN.replace(">", " onload=\"alert(1)\">") + "</svg>"),
				Arguments.of("upper-case handler", OPEN + "<rect ONCLICK=\"alert(1)\"/></svg>"),
				Arguments.of("foreignObject", OPEN + "<foreignObject><p>hi</p></foreignObject></svg>"),
				Arguments.of("javascript link", OPEN + "<a href=\"javascript:alert(1)\"><rect/></a></svg>"),
				Arguments.of("external use", OPEN + "<use href=\"https://evil.example/x.svg#a\"/></svg>"),
				Arguments.of("external xlink use", OPEN + "<use xlink:href=\"https://evil.example/x.svg#a\"/></svg>"),
				Arguments.of("style url", OPEN.replace(">", " style=\"background:url(https://x)\">") + "</svg>"),
				Arguments.of("fill url", OPEN + "<rect fill=\"url( https://x/#g)\"/></svg>"),
				Arguments.of("data image", OPEN + "<image href=\"data:image/png;base64,AAAA\"/></svg>"),
				Arguments.of("data in an allowed attribute", OPEN + "<rect fill=\"DATA :x\"/></svg>"),
				Arguments.of("spaced javascript", OPEN + "<rect class=\"java script:\"/></svg>"),
				Arguments.of("css expression", OPEN + "<rect style=\"width:expression(alert(1))\"/></svg>"),
				Arguments.of("css import", OPEN + "<rect style=\"@import 'https://x'\"/></svg>"),
				Arguments.of("css escape", OPEN + "<rect style=\"fill:\\75 rl(https://x)\"/></svg>"),
				Arguments.of("style element", OPEN + "<style>rect{fill:red}</style></svg>"),
				Arguments.of("animation", OPEN + "<rect><set attributeName=\"fill\" to=\"red\"/></rect></svg>"),
				Arguments.of("foreign namespace", OPEN
						+ "<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></svg>"),
				Arguments.of("allowed name, wrong namespace", OPEN + "<rect xmlns=\"urn:other\"/></svg>"),
				Arguments.of("processing instruction",
						"<?xml-stylesheet href=\"https://x/s.css\"?>" + OPEN + "</svg>"),
				Arguments.of("processing instruction inside", OPEN + "<?php echo 1; ?></svg>"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeSvgs")
	void whenSvgCanRunOrFetchThenUnsafeSvg(String description, String svg) {
		assertRefused(LogoCheck.check(utf8(svg)), "admin.branding.logo.unsafeSvg");
	}

	@Test
	void whenSvgHasExternalEntityThenUnreadableWithoutNoise() {
		String svg = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + OPEN
				+ "<text>&x;</text></svg>";
		PrintStream err = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		LogoCheck.Result result;
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			result = LogoCheck.check(utf8(svg));
		}
		finally {
			System.setErr(err);
		}

		assertRefused(result, "admin.branding.logo.unreadable");
		assertThat(captured.toString(StandardCharsets.UTF_8)).as("parser errors stay off stderr").isEmpty();
	}

	@Test
	void whenDoctypeNamesRemoteEntityThenNothingIsFetched() throws IOException {
		AtomicInteger requests = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			requests.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		try {
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x";
			String entity = "<!DOCTYPE svg [<!ENTITY x SYSTEM \"" + url + "\">]>" + OPEN + "<text>&x;</text></svg>";
			String dtd = "<!DOCTYPE svg SYSTEM \"" + url + "\">" + OPEN + "</svg>";

			assertRefused(LogoCheck.check(utf8(entity)), "admin.branding.logo.unreadable");
			assertRefused(LogoCheck.check(utf8(dtd)), "admin.branding.logo.unreadable");
		}
		finally {
			server.stop(0);
		}
		assertThat(requests).hasValue(0);
	}

	@Test
	void whenEntityExpansionBombThenUnreadable() {
		String svg = "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + OPEN
				+ "<text>&b;</text></svg>";

		assertRefused(LogoCheck.check(utf8(svg)), "admin.branding.logo.unreadable");
	}

	@Test
	void whenMalformedXmlThenUnreadable() {
		assertRefused(LogoCheck.check(utf8(OPEN + "<rect>")), "admin.branding.logo.unreadable");
	}

	@Test
	void whenXmlRootIsNotSvgThenUnsupportedType() {
		assertRefused(LogoCheck.check(utf8("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")),
				"admin.branding.logo.unsupportedType");
		assertRefused(LogoCheck.check(utf8("<svg><rect/></svg>")), "admin.branding.logo.unsupportedType");
	}

	@Test
	void whenDeeplyNestedSvgThenCheckedWithoutStackOverflow() {
		int depth = 10_000;
		String svg = OPEN + "<g>".repeat(depth) + "</g>".repeat(depth) + "</svg>";

		assertThat(svg.length()).isLessThan(LogoCheck.MAX_BYTES);
		assertThat(LogoCheck.check(utf8(svg)).contentType()).isEqualTo("image/svg+xml");
	}

	private static void assertRefused(LogoCheck.Result result, String errorKey) {
		assertThat(result.errorKey()).isEqualTo(errorKey);
		assertThat(result.accepted()).isFalse();
		assertThat(result.contentType()).isNull();
	}

	private static byte[] image(String format, int type) throws IOException {
		BufferedImage image = new BufferedImage(16, 12, type);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(2, 2, 10, 6);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).as("a writer for " + format).isTrue();
		return out.toByteArray();
	}

	private static void writeInt(byte[] bytes, int at, int value) {
		bytes[at] = (byte) (value >>> 24);
		bytes[at + 1] = (byte) (value >>> 16);
		bytes[at + 2] = (byte) (value >>> 8);
		bytes[at + 3] = (byte) value;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
