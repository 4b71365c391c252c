package org.reetrace.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;

import org.junit.jupiter.api.Test;

class ForkedServerTest {

    @Test
    void the_executable_jar_is_run_as_a_jar_and_a_class_path_through_the_main_class() {
        assertThat(ForkedServer.launcher("/opt/reetrace/reetrace.jar")).containsExactly("-jar", "/opt/reetrace/reetrace.jar");
        String classPath = String.join(File.pathSeparator, List.of("target/classes", "lib/spring-core.jar"));
        assertThat(ForkedServer.launcher(classPath)).containsExactly("-cp", classPath, "org.reetrace.app.Reetrace");
    }
}
