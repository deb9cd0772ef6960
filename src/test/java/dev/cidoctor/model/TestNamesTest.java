package dev.cidoctor.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cidoctor.report.MarkdownReport;
import dev.cidoctor.report.TextReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A test listed under its node id and its module form is shown to people once. */
class TestNamesTest {
  @Test
  void moduleForm_ofAPytestNodeId_dropsTheExtensionAndDotsTheFolders() {
    assertThat(TestNames.moduleForm("tests/test_api.py::TestUser::test_create")).isEqualTo("tests.test_api::TestUser::test_create");
    assertThat(TestNames.moduleForm("./tests/x.py::t")).isEqualTo("tests.x::t");
    assertThat(TestNames.moduleForm("com.acme.FooTest.testBar")).isNull();
  }

  @Test
  void shown_dropsOnlyNamesThatAreAnotherNamesModuleForm() {
    List<String> tests = List.of("tests/a.py::test_x", "tests/b.py::test_y", "tests.a::test_x", "tests.b::test_y", "tests.c::test_z");
    assertThat(TestNames.shown(tests)).containsExactly("tests/a.py::test_x", "tests/b.py::test_y", "tests.c::test_z");
    assertThat(TestNames.shown(List.of("FooTest.bar"))).containsExactly("FooTest.bar");
  }

  @Test
  void reports_countAndListEachTestOnce() {
    Diagnosis d = new Diagnosis("ci.log", null, Category.TEST_FAILURE, Severity.MEDIUM, false, "pytest: 1 failed", "fix it",
        "python.pytest.failed-test", 0.9, List.of(new Evidence(null, 3, "FAILED tests/test_api.py::test_create - assert 1 == 2")),
        "Run tests", List.of("tests/test_api.py::test_create", "tests.test_api::test_create"), "abc", List.of());
    assertThat(new TextReport(false, false).render(List.of(d))).contains("Failed tests (1): tests/test_api.py::test_create\n");
    assertThat(MarkdownReport.render(List.of(d))).contains("| Failed tests | tests/test_api.py::test_create |");
  }
}
