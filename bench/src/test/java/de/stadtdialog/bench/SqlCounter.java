package de.stadtdialog.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
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
final class SqlCounter implements BeanPostProcessor {

    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate",
        "executeLargeUpdate", "addBatch");

    private final AtomicLong statements = new AtomicLong();

    long count() {
        return statements.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, this::wrapConnections);
        }
        return bean;
    }

    private Object wrapConnections(Object result) {
        if (result instanceof Connection connection) {
            return proxy(Connection.class, connection, this::wrapStatements);
        }
        return result;
    }

    private Object wrapStatements(Object result) {
        if (result instanceof Statement statement) {
            return Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), allStatementInterfaces(statement),
                counting(statement));
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

    private InvocationHandler counting(Statement target) {
        return (proxy, method, args) -> {
            if (EXECUTING.contains(method.getName())) {
                statements.incrementAndGet();
            }
            return invoke(target, method, args);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, java.util.function.UnaryOperator<Object> wrapResult) {
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
                return wrapResult.apply(invoke(target, method, args));
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
