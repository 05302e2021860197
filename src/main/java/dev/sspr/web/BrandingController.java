package dev.sspr.web;

import dev.sspr.directory.TenantBranding;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A tenant's logo and colours for its end-user pages. The logo is served as an image that
 * can do nothing else (sandboxed, no script, no sniffing); the colours as a tiny stylesheet, because
 * the pages' content security policy allows no inline style.
 */
@Controller
class BrandingController {

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	private final TenantBranding branding;

	BrandingController(TenantBranding branding) {
		this.branding = branding;
	}

	@GetMapping("/branding/{tenant:[a-z0-9-]{1,100}}/logo")
	ResponseEntity<byte[]> logo(@PathVariable String tenant) {
		return branding.logo(tenant)
				.map(logo -> ResponseEntity.ok()
						.contentType(MediaType.parseMediaType(logo.contentType()))
						.cacheControl(CACHE)
						.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
						.body(logo.bytes()))
				.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

	@GetMapping(value = "/branding/{tenant:[a-z0-9-]{1,100}}/theme.css")
	ResponseEntity<String> theme(@PathVariable String tenant) {
		return branding.tenantByName(tenant).filter(t -> t.brandColor() != null)
				.map(t -> ResponseEntity.ok()
						.contentType(new MediaType("text", "css"))
						.cacheControl(CACHE)
						.body(BrandTheme.css(t.brandColor())))
				.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

	/** Colours derived from one brand colour, each readable on what it sits on (WCAG AA, 4.5:1). */
	static final class BrandTheme {

		private BrandTheme() {
		}

		static String css(String hex) {
			int rgb = Integer.parseInt(hex.substring(1), 16);
			String ink = contrast(rgb, 0xffffff) >= 4.5 ? "#ffffff" : "#111111";
			int text = rgb;
			// As text or outline on white, darken until readable.
			for (int i = 0; i < 20 && contrast(text, 0xffffff) < 4.5; i++) {
				text = scale(text, 0.85);
			}
			return ":root{--brand:" + hex(rgb) + ";--brand-dark:" + hex(scale(rgb, 0.8)) + ";--brand-ink:" + ink
					+ ";--brand-text:" + hex(text) + "}\n";
		}

		static double contrast(int a, int b) {
			double la = luminance(a);
			double lb = luminance(b);
			return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
		}

		private static double luminance(int rgb) {
			return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
		}

		private static double channel(int value) {
			double c = (value & 0xff) / 255.0;
			return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		}

		private static int scale(int rgb, double factor) {
			int r = (int) (((rgb >> 16) & 0xff) * factor);
			int g = (int) (((rgb >> 8) & 0xff) * factor);
			int b = (int) ((rgb & 0xff) * factor);
			return (r << 16) | (g << 8) | b;
		}

		private static String hex(int rgb) {
			return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
		}
	}
}
