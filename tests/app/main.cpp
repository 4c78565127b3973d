#define BOOST_TEST_MODULE samla_app
#include <boost/test/unit_test.hpp>
