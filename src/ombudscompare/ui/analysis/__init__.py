"""The analysis tabs: costs and break-even points, weight sensitivity, robustness."""
