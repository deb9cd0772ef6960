package dev.cidoctor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every match of the pattern contains one of the derived literals; where unsure, there are none. */
class LiteralsTest {
  @Test
  void anchoredAtStart_onlyWhenEveryBranchStartsWithCaret() {
    assertThat(Literals.anchoredAtStart("^FAILED (?<t>\\S+)")).isTrue();
    assertThat(Literals.anchoredAtStart("^a|^b")).isTrue();
    assertThat(Literals.anchoredAtStart("(?i)^error")).isTrue();
    assertThat(Literals.anchoredAtStart("^a|b")).isFalse();
    assertThat(Literals.anchoredAtStart("(?:^a|b)")).isFalse();
    assertThat(Literals.anchoredAtStart("error: ^")).isFalse();
  }

  @Test
  void required_plainText_isTheLowerCasedText() {
    assertThat(Literals.required("Connection Refused")).containsExactly("connection refused");
  }

  @Test
  void required_topLevelAlternation_givesOneLiteralPerAlternative() {
    assertThat(Literals.required("OOMKilled|out of memory|Cannot allocate")).containsExactly("oomkilled", "out of memory", "cannot allocate");
  }

  @Test
  void required_alternativeWithoutLiteral_givesNothing() {
    assertThat(Literals.required("fatal error|\\d+")).isEmpty();
  }

  @Test
  void required_optionalCharacter_splitsTheRun() {
    // "colou?r mismatch": every match holds "colo" and "r mismatch"; the longer is kept
    assertThat(Literals.required("colou?r mismatch")).containsExactly("r mismatch");
  }

  @Test
  void required_optionalGroup_isNotRequired() {
    assertThat(Literals.required("fail(?:ed|ure)? to connect")).containsExactly(" to connect");
  }

  @Test
  void required_starAndZeroMinimum_areOptional() {
    assertThat(Literals.required("x*abcd")).containsExactly("abcd");
    assertThat(Literals.required("zz{0,3}abcd")).containsExactly("abcd");
  }

  @Test
  void required_plusQuantifier_keepsOneCopy() {
    assertThat(Literals.required("Errr+or")).containsExactly("errr");
  }

  @Test
  void required_requiredGroupWithAlternatives_givesTheirLiterals() {
    assertThat(Literals.required("^(?:npm|yarn|pnpm) install failed")).containsExactly(" install failed");
    assertThat(Literals.required("^\\s*(?:ModuleNotFoundError|ImportError): ")).containsExactly("modulenotfounderror", "importerror");
  }

  @Test
  void required_namedGroup_isLookedInto() {
    assertThat(Literals.required("(?<code>\\d+) (?<msg>Segmentation fault)")).containsExactly("segmentation fault");
  }

  @Test
  void required_lookAroundAndFlags_areNotPartOfTheMatch() {
    assertThat(Literals.required("(?i)(?<!warn)timeout exceeded")).containsExactly("timeout exceeded");
  }

  @Test
  void required_escapedMetacharacters_areLiterals() {
    assertThat(Literals.required("^\\[ERROR\\] \\S+\\.java")).containsExactly("[error] ");
    assertThat(Literals.required("npm ERR\\! code E404")).containsExactly("npm err! code e404");
  }

  @Test
  void required_characterClassesAndDots_endTheRun() {
    assertThat(Literals.required("FAILED [a-z]+ in .*seconds")).containsExactly("failed ");
  }

  @Test
  void required_quotedSection_isLeftToTheAuthor() {
    assertThat(Literals.required("\\Qa.b.c\\E")).isEmpty();
  }

  @Test
  void required_tooShortLiteral_givesNothing() {
    assertThat(Literals.required("^(a+)+$")).isEmpty();
    assertThat(Literals.required("E\\d")).isEmpty();
  }

  @Test
  void requiredRuns_collectsEveryRequiredRunAsWritten() {
    assertThat(Literals.requiredRuns("^(?<file>\\S+\\.java):(?<line>\\d+): error: (?<m>.+)$"))
        .containsExactly(".java", ": error: ");
  }

  @Test
  void requiredRuns_skipsOptionalPartsAndAlternatives() {
    assertThat(Literals.requiredRuns("fail(?:ed|ure)? to connect")).containsExactly("fail", " to connect");
    assertThat(Literals.requiredRuns("colou?r mismatch")).containsExactly("colo", "r mismatch");
    assertThat(Literals.requiredRuns("a(?:bc|de)fg")).containsExactly("fg");
  }

  @Test
  void requiredRuns_topLevelAlternationOrCommentsMode_givesNothing() {
    assertThat(Literals.requiredRuns("abc|def")).isEmpty();
    assertThat(Literals.requiredRuns("(?x) a b c")).isEmpty();
  }

  @Test
  void leadingLiteral_ofAnchoredPattern_isItsLiteralPrefix() {
    assertThat(Literals.leadingLiteral("^\\[ERROR\\] (?<m>.+)")).isEqualTo("[ERROR] ");
    assertThat(Literals.leadingLiteral("^ {7,8}(?<t>\\S.*)")).isEqualTo("       ");
    assertThat(Literals.leadingLiteral("^FAILED +(?<t>\\S+)")).isEqualTo("FAILED ");
    assertThat(Literals.leadingLiteral("(?i)^error: x")).isEqualTo("error: x");
  }

  @Test
  void leadingLiteral_optionalFirstCharacterOrUnanchored_isEmptyOrShorter() {
    assertThat(Literals.leadingLiteral("^ab?c")).isEqualTo("a");
    assertThat(Literals.leadingLiteral("^\\s*FAIL")).isEmpty();
    assertThat(Literals.leadingLiteral("FAIL")).isEmpty();
    assertThat(Literals.leadingLiteral("^FAILED x|^FAIL y")).isEqualTo("FAIL");
    assertThat(Literals.leadingLiteral("^FAIL|ERROR")).isEmpty();
  }

  @Test
  void firstChar_afterOptionalWhitespace_isKnownForDigitsAndPunctuation() {
    assertThat(Literals.firstChar("^\\s*\\d+\\) (?<t>\\S.*)$")).isEqualTo(new Literals.FirstChar('d', true));
    assertThat(Literals.firstChar("^(?<n>\\d+)\\) (?<test>\\S+)$")).isEqualTo(new Literals.FirstChar('d', false));
    assertThat(Literals.firstChar("^\\s*(?:\\[\\w+\\] )x")).isEqualTo(new Literals.FirstChar('[', true));
  }

  @Test
  void firstChar_lettersOptionalsAndDisagreeingBranches_areUnknown() {
    assertThat(Literals.firstChar("^\\s*FAIL").kind()).isEqualTo((char) 0);
    assertThat(Literals.firstChar("^(?:\\d+ )?x").kind()).isEqualTo((char) 0);
    assertThat(Literals.firstChar("^\\d+|^#").kind()).isEqualTo((char) 0);
    assertThat(Literals.firstChar("\\d+\\)").kind()).isEqualTo((char) 0);
    assertThat(Literals.firstChar("^\\s?\\d").kind()).isEqualTo((char) 0);
  }

  @Test
  void commentsMode_anywhereInTheFlags_makesEveryDerivationGiveUp() {
    for (String regex : List.of("(?x) FAIL ED", "(?ix)FAIL ED", "(?i)a(?x: b c)")) {
      assertThat(Literals.required(regex)).as(regex).isEmpty();
      assertThat(Literals.requiredRuns(regex)).as(regex).isEmpty();
      assertThat(Literals.leadingLiteral("^" + regex)).as(regex).isEmpty();
    }
    assertThat(Literals.commentsMode("(?i)x (?<name>y)")).isFalse();
  }

  @Test
  void indent_countsTheSpacesBeforeACharacterThatCannotBeOne() {
    assertThat(Literals.indent("^ {7,8}(?<t2>[^\\s:].*[^:\\s])\\s*$")).isEqualTo(new Literals.Indent(7, 8));
    assertThat(Literals.indent("^  (?:\\S+) x")).isEqualTo(new Literals.Indent(2, 2));
    assertThat(Literals.indent("^   {2}\\d+\\)")).isEqualTo(new Literals.Indent(4, 4));
    assertThat(Literals.indent("^ +FAIL")).isEqualTo(new Literals.Indent(1, Integer.MAX_VALUE));
    assertThat(Literals.indent("(?i)^ {4,}?x")).isEqualTo(new Literals.Indent(4, Integer.MAX_VALUE));
  }

  @Test
  void indent_isUnknownWhenWhatFollowsMayBeASpaceOrMayBeAbsent() {
    assertThat(Literals.indent("^ {7,8}.*")).isNull();
    assertThat(Literals.indent("^ {7,8}[^:]")).as("a class that admits a space").isNull();
    assertThat(Literals.indent("^ {7,8}\\S?x")).as("optional").isNull();
    assertThat(Literals.indent("^ {2}(?:x)?y")).as("optional group").isNull();
    assertThat(Literals.indent("^ {2}x|^y")).as("alternatives").isNull();
    assertThat(Literals.indent(" {2}x")).as("not anchored").isNull();
    assertThat(Literals.indent("^x")).as("no spaces").isNull();
    assertThat(Literals.indent("(?x)^ {2}x")).as("comments mode").isNull();
  }

  @Test
  void lastChar_isThePunctuationBeforeOptionalTrailingSpaceAndTheEnd() {
    assertThat(Literals.lastChar("^ {7,8}(?<leaf>[^\\s].*?):\\s*$", 0)).isEqualTo(':');
    assertThat(Literals.lastChar("^rake aborted!$", 0)).isEqualTo('!');
    assertThat(Literals.lastChar("^FAILED \\((?<c>.*)\\)$", 0)).isEqualTo(')');
    assertThat(Literals.lastChar("^\\*\\* BUILD FAILED \\*\\*$", 0)).isEqualTo('*');
  }

  @Test
  void lastChar_isUnknownForLettersMetacharactersEscapesAndLineModes() {
    assertThat(Literals.lastChar("^Failed$", 0)).as("a letter may be an escape's end or change with case").isEqualTo((char) 0);
    assertThat(Literals.lastChar("x[:;]$", 0)).isEqualTo((char) 0);
    assertThat(Literals.lastChar("x:+$", 0)).isEqualTo((char) 0);
    assertThat(Literals.lastChar("x(?:a|b:)$", 0)).isEqualTo((char) 0);
    assertThat(Literals.lastChar("x:\\$", 0)).as("an escaped dollar is not the end").isEqualTo((char) 0);
    assertThat(Literals.lastChar("x\\c:$", 0)).as("a control character").isEqualTo((char) 0);
    assertThat(Literals.lastChar("x:$|y", 0)).isEqualTo((char) 0);
    assertThat(Literals.lastChar("x:$", Pattern.MULTILINE)).isEqualTo((char) 0);
    assertThat(Literals.lastChar("(?m)x:$", 0)).isEqualTo((char) 0);
    assertThat(Literals.lastChar("(?U)x:\\s*$", 0)).isEqualTo((char) 0);
    assertThat(Literals.lastChar("x:", 0)).as("not anchored at the end").isEqualTo((char) 0);
  }
}
