import java.io.BufferedReader;
import java.io.InputStreamReader;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Reads lines from stdin and prints an Argon2id hash (Spring Security defaults) of each. */
public class HashTool {
	public static void main(String[] args) throws Exception {
		var encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		var in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
		String line;
		while ((line = in.readLine()) != null) {
			System.out.println(encoder.encode(line));
		}
	}
}
