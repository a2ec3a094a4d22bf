package de.stadtdialog.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends (each execute, and each row added to a JDBC batch), so the
 * report can show statements per process instance and per page, which is where an N+1 shows first. Wraps the
 * application's data source; the counting costs a few reflective calls per statement, paid by both sides of each
 * comparison alike.
 */
public final class SqlCounter implements BeanPostProcessor {

    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate",
        "executeLargeUpdate", "addBatch");

    private final AtomicLong statements = new AtomicLong();
    private volatile List<String> trace;

    public long count() {
        return statements.get();
    }

    /** Records the text of every statement from now on, until {@link #stopTrace()}. */
    public void startTrace() {
        trace = Collections.synchronizedList(new ArrayList<>());
    }

    public List<String> stopTrace() {
        List<String> recorded = trace == null ? List.of() : List.copyOf(trace);
        trace = null;
        return recorded;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (method, args, result) -> wrapConnections(result));
        }
        return bean;
    }

    private Object wrapConnections(Object result) {
        if (result instanceof Connection connection) {
            return proxy(Connection.class, connection, this::wrapStatements);
        }
        return result;
    }

    private interface ResultWrapper {
        Object wrap(Method method, Object[] args, Object result);
    }

    private Object wrapStatements(Method method, Object[] args, Object result) {
        if (result instanceof Statement statement) {
            String preparedSql = method.getName().startsWith("prepare") && args != null && args.length > 0
                && args[0] instanceof String text ? text : null;
            return Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), allStatementInterfaces(statement),
                counting(statement, preparedSql));
        }
        return result;
    }

    private static Class<?>[] allStatementInterfaces(Statement statement) {
        if (statement instanceof java.sql.CallableStatement) {
            return new Class<?>[] {java.sql.CallableStatement.class};
        }
        if (statement instanceof java.sql.PreparedStatement) {
            return new Class<?>[] {java.sql.PreparedStatement.class};
        }
        return new Class<?>[] {Statement.class};
    }

    private InvocationHandler counting(Statement target, String preparedSql) {
        return (proxy, method, args) -> {
            if (EXECUTING.contains(method.getName())) {
                statements.incrementAndGet();
                List<String> recording = trace;
                if (recording != null) {
                    String text = args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql;
                    recording.add((method.getName().equals("addBatch") ? "[batch] " : "")
                        + (text == null ? "?" : text.replaceAll("\\s+", " ").trim()) + callers(text));
                }
            }
            return invoke(target, method, args);
        };
    }

    /**
     * With {@code -Dbench.traceCallers=<text>}: for statements containing that text, the application's frames that
     * issued it (Spring, Hibernate and JDK frames left out), to find who runs a statement nobody expects.
     */
    private static String callers(String sql) {
        String wanted = System.getProperty("bench.traceCallers");
        if (wanted == null || sql == null || !sql.contains(wanted)) {
            return "";
        }
        StringBuilder frames = new StringBuilder();
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("com.zaxxer")
                    && !type.contains("SqlCounter") && !type.contains("$Proxy") && !type.startsWith("org.h2")
                    && !type.startsWith("org.postgresql")) {
                frames.append("\n      at ").append(type).append('.').append(frame.getMethodName());
                if (frames.length() > 3000) {
                    break;
                }
            }
        }
        return frames.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, ResultWrapper wrapResult) {
        return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type},
            (proxy, method, args) -> {
                if ("unwrap".equals(method.getName()) && args[0] instanceof Class<?> wanted
                        && wanted.isInstance(target)) {
                    return target;
                }
                if ("isWrapperFor".equals(method.getName()) && args[0] instanceof Class<?> wanted
                        && wanted.isInstance(target)) {
                    return true;
                }
                return wrapResult.wrap(method, args, invoke(target, method, args));
            });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
