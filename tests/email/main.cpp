#define BOOST_TEST_MODULE samla_email
#include <boost/test/unit_test.hpp>
