#define BOOST_TEST_MODULE maillage
#include <boost/test/unit_test.hpp>
