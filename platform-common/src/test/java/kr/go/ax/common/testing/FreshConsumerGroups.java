package kr.go.ax.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Before the service under test starts, its test consumer groups skip whatever other tests left on the topics, so
 * each test sees exactly the events produced while it runs. Applies to every test of the module.
 */
public class FreshConsumerGroups implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        ConsumerOffsets.moveToEnd(ConsumerOffsets.groupsOfThisService(".test"));
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
